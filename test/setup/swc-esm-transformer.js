// Compiles ES-module packages from node_modules for jest's CommonJS runtime. swc keeps
// `import.meta` in CommonJS output, which jest then refuses (react-router reads
// import.meta.hot, some Nest packages import.meta.url), so it is replaced by its CommonJS
// equivalent before swc sees the file.
const { createTransformer: createSwcTransformer } = require('@swc/jest');

const IMPORT_META = /\bimport\.meta\b/g;
// No require() here: the module may declare its own `require` (createRequire(import.meta.url)).
const COMMONJS_META = "({ url: 'file://' + encodeURI(__filename), hot: undefined })";

function rewrite(source, filename) {
  return filename.includes('/node_modules/') && source.includes('import.meta')
    ? source.replace(IMPORT_META, COMMONJS_META)
    : source;
}

module.exports = {
  createTransformer(options) {
    const swc = createSwcTransformer(options);
    return {
      ...swc,
      process: (source, filename, jestOptions) =>
        swc.process(rewrite(source, filename), filename, jestOptions),
      processAsync: (source, filename, jestOptions) =>
        swc.processAsync(rewrite(source, filename), filename, jestOptions),
      getCacheKey: (source, filename, jestOptions) =>
        swc.getCacheKey(rewrite(source, filename), filename, jestOptions),
    };
  },
};
