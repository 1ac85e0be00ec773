#!/usr/bin/env node
// Drawn edge geometry of rendered diagrams (the gallery's SVGs), for before/after comparisons of drawing rules:
//   node bench/NetVizGen.Bench/svg-strokes.mjs A.svg [B.svg ...]   (one row per file)
// Reads each edge group (<g id="n-e.…"><path d="…"/>) as a polyline: M and L points, and the end point of each
// rounded corner (Q), so a bend counts once. segments, strokes and drawn crossings as in strokes.mjs; an edge's
// source is its first point (edges of one source leave from one port), so its own branches never count as crossings.
import fs from 'node:fs';
import path from 'node:path';
import { strokes } from './strokes.mjs';

console.log('| diagram | edges | segments | drawn strokes | drawn crossings |');
console.log('|---|---:|---:|---:|---:|');
for (const file of process.argv.slice(2)) {
  const svg = fs.readFileSync(file, 'utf8');
  const edges = [];
  for (const m of svg.matchAll(/<g id="n-e\.[^"]*">\s*<path d="([^"]+)"/g)) {
    const nums = [];
    for (const cmd of m[1].matchAll(/([MLQ])([^MLQ]*)/g)) {
      const v = cmd[2].trim().split(/[\s,]+/).map(Number);
      nums.push(cmd[1] === 'Q' ? [v[2], v[3]] : [v[0], v[1]]);
    }
    edges.push({ source: nums[0].join(','), points: nums });
  }
  const s = strokes({ edges });
  const f = (v) => v.toLocaleString('en-US');
  console.log(`| ${path.basename(file)} | ${f(edges.length)} | ${f(s.segments)} | ${f(s.strokes)} | ${f(s.drawnCrossings)} |`);
}
