// libs/domain is shared by the server and the web client, so it must stay pure TypeScript: no
// framework, ORM, transport, UI or Node runtime imports. ESLint's no-restricted-imports guards
// the editor; this test guards the suite, and also sees require() and dynamic import().
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { preProcessFile } from 'typescript';

const SOURCE_DIR = __dirname;

/** A forbidden module and the specifiers that count as importing it. */
const FORBIDDEN: { name: string; matches: (specifier: string) => boolean }[] = [
  { name: '@nestjs/', matches: (s) => s.startsWith('@nestjs/') },
  { name: 'typeorm', matches: (s) => s === 'typeorm' || s.startsWith('typeorm/') },
  {
    name: 'socket.io',
    matches: (s) => /^socket\.io(-client)?(\/|$)/.test(s),
  },
  { name: 'react', matches: (s) => /^react(-dom)?(\/|$)/.test(s) },
  { name: 'pg', matches: (s) => s === 'pg' || s.startsWith('pg/') },
  { name: 'ioredis', matches: (s) => s === 'ioredis' || s.startsWith('ioredis/') },
  { name: 'node:', matches: (s) => s.startsWith('node:') },
  { name: 'fs', matches: (s) => s === 'fs' || s.startsWith('fs/') },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource = entry.name.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(entry.name);
    return entry.isFile() && isSource ? [path] : [];
  });
}

/** Every module specifier in the text: import, export … from, import type, require(), import(). */
function importedModules(text: string): string[] {
  return preProcessFile(text, true, true).importedFiles.map((ref) => ref.fileName);
}

function violations(text: string): string[] {
  return importedModules(text).flatMap((specifier) =>
    FORBIDDEN.filter((rule) => rule.matches(specifier)).map(
      (rule) => `${specifier} (matches "${rule.name}")`,
    ),
  );
}

describe('libs/domain stays pure', () => {
  const files = sourceFiles(SOURCE_DIR);

  it('finds the domain sources and skips the specs', () => {
    const names = files.map((file) => relative(SOURCE_DIR, file));
    expect(names).toEqual(
      expect.arrayContaining(['index.ts', 'errors.ts', 'networks.ts', 'organisations.ts']),
    );
    expect(names.some((name) => name.endsWith('.spec.ts'))).toBe(false);
  });

  it.each(files.map((file) => [relative(SOURCE_DIR, file), file]))(
    '%s imports no framework, ORM, transport, UI or Node module',
    (_name, file) => {
      expect(violations(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('reads the relative imports the sources really have', () => {
    const index = readFileSync(join(SOURCE_DIR, 'index.ts'), 'utf8');
    expect(importedModules(index)).toEqual(expect.arrayContaining(['./errors', './networks']));
  });
});

describe('the import detector itself', () => {
  it.each([
    ["import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    ["import { Entity } from 'typeorm';", 'typeorm'],
    ["import { DataSource } from 'typeorm/data-source';", 'typeorm/data-source'],
    ["import { Server } from 'socket.io';", 'socket.io'],
    ["import { io } from 'socket.io-client';", 'socket.io-client'],
    ["import React from 'react';", 'react'],
    ["import { jsx } from 'react/jsx-runtime';", 'react/jsx-runtime'],
    ["import { createRoot } from 'react-dom/client';", 'react-dom/client'],
    ["import { Pool } from 'pg';", 'pg'],
    ["import Redis from 'ioredis';", 'ioredis'],
    ["import { randomUUID } from 'node:crypto';", 'node:crypto'],
    ["import { readFileSync } from 'fs';", 'fs'],
    ["import { readFile } from 'fs/promises';", 'fs/promises'],
    ["import type { Socket } from 'socket.io';", 'socket.io'],
    ["export { Column } from 'typeorm';", 'typeorm'],
    ["export * from '@nestjs/core';", '@nestjs/core'],
    ["import 'reflect-metadata';\nimport 'pg';", 'pg'],
    ["const fs = require('fs');", 'fs'],
    ["const load = () => import('node:path');", 'node:path'],
  ])('flags %p', (source, specifier) => {
    expect(violations(source)).toEqual([expect.stringContaining(specifier)]);
  });

  it.each([
    ["import { DomainError } from './errors';"],
    ["import type { Level } from './organisations';"],
    ["export * from './networks';"],
    ["// import { Injectable } from '@nestjs/common';"],
    ["/* import { Pool } from 'pg'; */"],
    ["const note = 'use react carefully';"],
    ["import { reactive } from 'reactivity';"],
    ["import fsm from 'fsm-lib';"],
    ["import pgFormat from 'pgformat';"],
  ])('does not flag %p', (source) => {
    expect(violations(source)).toEqual([]);
  });
});
