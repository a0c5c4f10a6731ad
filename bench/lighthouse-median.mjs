// Reads the Lighthouse JSON reports of one page (several runs of it), prints each run and the median of every
// score and metric, names the failed audits of the median run, and exits 1 when the median performance or
// accessibility is under its bar. Used by bench/lighthouse.sh; plain Node, no packages.
// Usage: node lighthouse-median.mjs <label> <min-performance> <min-accessibility> report-1.json report-2.json …
import { readFileSync } from 'node:fs';

const [label, minPerformance, minAccessibility, ...files] = process.argv.slice(2);
const runs = files.map(file => ({ file, lhr: JSON.parse(readFileSync(file, 'utf8')) }));
if (runs.length === 0) {
    console.error(`${label}: no reports`);
    process.exit(2);
}

const score = (lhr, category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
const audit = (lhr, id) => lhr.audits[id]?.numericValue;
// The figures of one run: Lighthouse's scores (0–100) and the metrics of its simulated phone (times in ms).
const figures = lhr => ({
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    fcp: audit(lhr, 'first-contentful-paint'),
    lcp: audit(lhr, 'largest-contentful-paint'),
    tbt: audit(lhr, 'total-blocking-time'),
    cls: audit(lhr, 'cumulative-layout-shift'),
    si: audit(lhr, 'speed-index'),
    bytes: audit(lhr, 'total-byte-weight'),
    requests: lhr.audits['network-requests']?.details?.items?.length,
});
const median = values => {
    const sorted = values.filter(v => v !== undefined).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const format = f => [
    `perf ${String(f.performance).padStart(3)}`,
    `a11y ${String(f.accessibility).padStart(3)}`,
    `best ${String(f.bestPractices).padStart(3)}`,
    `FCP ${(f.fcp / 1000).toFixed(2)} s`,
    `LCP ${(f.lcp / 1000).toFixed(2)} s`,
    `TBT ${Math.round(f.tbt)} ms`,
    `CLS ${f.cls.toFixed(3)}`,
    `SI ${(f.si / 1000).toFixed(2)} s`,
    `${Math.round(f.bytes / 1024)} KiB in ${f.requests} requests`,
].join(' · ');

const all = runs.map(r => figures(r.lhr));
all.forEach((f, i) => console.log(`  run ${i + 1}: ${format(f)}`));
const med = Object.fromEntries(Object.keys(all[0]).map(key => [key, median(all.map(f => f[key]))]));
console.log(`${label} median of ${runs.length}: ${format(med)}`);

// What the run closest to the median performance failed, so that the next fix is in view.
const typical = runs[all.map(f => Math.abs(f.performance - med.performance))
    .reduce((best, d, i, ds) => (d < ds[best] ? i : best), 0)].lhr;
const failed = ['performance', 'accessibility', 'best-practices'].flatMap(category =>
    (typical.categories[category]?.auditRefs ?? [])
        .map(ref => typical.audits[ref.id])
        .filter(a => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
            && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
        .map(a => `${category}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`));
if (failed.length) {
    console.log(`  audits below 0.9 in the typical run:\n    ${[...new Set(failed)].join('\n    ')}`);
}
console.log(`  Lighthouse ${typical.lighthouseVersion}, ${typical.environment?.hostUserAgent ?? ''}`);

const short = [];
if (med.performance < Number(minPerformance)) short.push(`performance ${med.performance} < ${minPerformance}`);
if (med.accessibility < Number(minAccessibility)) short.push(`accessibility ${med.accessibility} < ${minAccessibility}`);
if (short.length) {
    console.log(`  FAILED: ${short.join(', ')}`);
    process.exit(1);
}
