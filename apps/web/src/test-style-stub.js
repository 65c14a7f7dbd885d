// jest loads this stub, as CommonJS, in place of every imported .css file.
module.exports = {};
