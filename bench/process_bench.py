#!/usr/bin/env python3
"""process_bench.py - eventline as users run it, whole process, against
chrono-node on the same text (a benchmark, not a test).

It generates a news corpus on demand from the TempEval-3 TBAQ input text
(cycled to each size; written under --work, never committed):
  news-NMB.txt    the whole corpus as one file (one document)
  news-NMB.jsonl  the same text as ~1,000 JSON Lines documents {"id","text","dct"}
and runs, each on one core (taskset -c 0) and measured with wait4 (CPU =
user + system seconds, peak RSS of the process):
  extract -f json, one file             eventline -q --dct D -f json -o DIR news.txt
  extract -f json, JSON Lines           eventline -q -f json -o DIR news.jsonl
  annotate + merge, JSON Lines          eventline annotate -q -f jsonl -o - news.jsonl > a.jsonl;
                                        eventline merge -q -f json -o DIR a.jsonl
  chrono-node, one file / JSON Lines    node chrono_dates.js (dates only)
chrono-node is installed from npm into --work/chrono by this script.  One
short run first warms eventline's compiled resource cache ($EVENTLINE_CACHE,
else $XDG_CACHE_HOME/eventline), as any earlier run does.  MB/s is
input MB per CPU second; "x chrono" is eventline's MB/s over chrono's on the
same input.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
MB = 1000 * 1000


def tbaq_docs(src):
    """(dct, text) of every TBAQ input file, in a fixed order."""
    docs = []
    for root, _, files in sorted(os.walk(src)):
        for f in sorted(files):
            if not f.endswith('.TE3input'):
                continue
            raw = open(os.path.join(root, f), encoding='utf-8').read()
            m = re.search(r'<TEXT>(.*?)</TEXT>', raw, re.S)
            d = re.search(r'value="(\d{4}-\d\d-\d\d)', raw)
            if m:
                text = html.unescape(re.sub(r'<[^>]+>', '', m.group(1))).strip()
                docs.append((d.group(1) if d else None, text))
    if not docs:
        sys.exit(f'process_bench: no TBAQ .TE3input files under {src}')
    return docs


def generate(work, src, mb, ndocs):
    """Write news-NMB.txt and news-NMB.jsonl (if missing); return their paths."""
    txt = os.path.join(work, f'news-{mb}MB.txt')
    jsonl = os.path.join(work, f'news-{mb}MB.jsonl')
    if os.path.exists(txt) and os.path.exists(jsonl):
        return txt, jsonl
    docs = tbaq_docs(src)
    target = mb * MB
    per_doc = max(1, target // ndocs)
    with open(txt + '.tmp', 'w', encoding='utf-8') as ft, \
            open(jsonl + '.tmp', 'w', encoding='utf-8') as fj:
        size, i, n = 0, 0, 0
        while size < target:
            dct, parts, plen = docs[i % len(docs)][0], [], 0
            while plen < per_doc and size + plen < target:
                t = docs[i % len(docs)][1]
                parts.append(t)
                plen += len(t.encode('utf-8')) + 2
                i += 1
            text = '\n\n'.join(parts)
            n += 1
            ft.write(text + '\n\n')
            fj.write(json.dumps({'id': f'news-{n:05d}', 'dct': dct, 'text': text}) + '\n')
            size += plen
    os.replace(txt + '.tmp', txt)
    os.replace(jsonl + '.tmp', jsonl)
    return txt, jsonl


def install_chrono(work):
    d = os.path.join(work, 'chrono')
    if os.path.isdir(os.path.join(d, 'node_modules', 'chrono-node')):
        return d
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(os.path.join(d, 'package.json')):
        open(os.path.join(d, 'package.json'), 'w').write('{"private": true}\n')
    subprocess.run(['npm', 'install', '--no-audit', '--no-fund', '--silent', 'chrono-node'],
                   cwd=d, check=True, stdout=subprocess.DEVNULL)
    return d


def run(cmd, stdout=None, timeout=None, env=None):
    """Run cmd on core 0; return (cpu seconds, wall seconds, peak RSS KiB, ok)."""
    if shutil.which('taskset'):
        cmd = ['taskset', '-c', '0'] + cmd
    out = open(stdout, 'wb') if stdout else subprocess.DEVNULL
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
    deadline = t0 + timeout if timeout else None
    while True:
        pid, status, ru = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.monotonic() > deadline:
            p.kill()
            pid, status, ru = os.wait4(p.pid, 0)
            break
        time.sleep(0.02)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t0
    err = p.stderr.read().decode(errors='replace')
    if stdout:
        out.close()
    ok = p.returncode in (0, 1)
    if not ok:
        sys.stderr.write(f'process_bench: {" ".join(cmd)} exited {p.returncode}\n{err[-2000:]}')
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss, ok


def measure(rows, label, mb, steps, out_file=None, timeout=None, env=None):
    if out_file and os.path.exists(out_file):
        os.remove(out_file)   # (a failed run must not report the last one's output)
    cpu = wall = 0.0
    rss = 0
    ok = True
    for cmd, stdout in steps:
        c, w, r, good = run(cmd, stdout, timeout, env)
        cpu, wall, rss, ok = cpu + c, wall + w, max(rss, r), ok and good
    size = os.path.getsize(out_file) if out_file and os.path.exists(out_file) else None
    rows.append({'row': label, 'mb': mb, 'cpu': cpu, 'wall': wall, 'rss_mib': rss / 1024,
                 'out_x': size / (mb * MB) if size else None, 'ok': ok})
    return rows[-1]


def fmt_row(r, chrono):
    if not r['ok']:
        return f"{r['row']:<34} {r['mb']:>6}   failed or timed out after {r['wall']:.1f} s"
    mbs = r['mb'] / r['cpu'] if r['cpu'] > 0 else float('inf')
    x = (f"{mbs / chrono:6.1f}x" if chrono else '      ')
    out_x = f"{r['out_x']:5.2f}" if r['out_x'] else '    -'
    return (f"{r['row']:<34} {r['mb']:>6} {r['cpu']:>9.2f} {r['wall']:>8.2f} {mbs:>7.2f} "
            f"{r['rss_mib']:>9.1f} {out_x:>6} {x}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--sizes', default='10', help='corpus sizes in MB, comma-separated (10,100,1000)')
    ap.add_argument('--docs', type=int, default=1000, help='JSON Lines documents per corpus')
    ap.add_argument('--work', default=os.environ.get('BENCH_WORK', '/tmp/eventline-bench'))
    ap.add_argument('--src', default=os.path.join(TOP, '..', 'shared', 'data', 'tempeval3-tbaq', 'input'))
    ap.add_argument('--eventline', default=os.path.join(TOP, 'src', 'eventline'))
    ap.add_argument('--gazetteers', default=os.path.join(TOP, 'gazetteers'))
    ap.add_argument('--no-chrono', action='store_true')
    ap.add_argument('--no-single', action='store_true', help='skip the one-file rows')
    ap.add_argument('--timeout', type=float, default=1800, help='seconds per process')
    ap.add_argument('--json', help='also write the rows here as JSON')
    a = ap.parse_args()
    if not os.path.isdir(a.src):
        a.src = '/work/shared/data/tempeval3-tbaq/input'
    os.makedirs(a.work, exist_ok=True)
    env = dict(os.environ, EVENTLINE_GAZETTEERS=os.path.abspath(a.gazetteers))
    el = os.path.abspath(a.eventline)
    chrono_dir = None if a.no_chrono else install_chrono(a.work)
    js = os.path.join(HERE, 'chrono_dates.js')
    dct = '1998-01-08'
    rows = []
    # Warm the compiled resource cache (src/stages/rescache.h) as any earlier
    # run would: the rows measure the steady state, not the one-time compile.
    warm = os.path.join(a.work, 'warm.txt')
    open(warm, 'w').write('The meeting was on Monday.\n')
    run([el, '-q', '-f', 'tsv', '-o', os.path.join(a.work, 'warm'), warm], env=env)
    print(f"{'row':<34} {'MB':>6} {'CPU s':>9} {'wall s':>8} {'MB/s':>7} {'RSS MiB':>9} "
          f"{'out/in':>6} {'x chrono':>7}")
    for mb in [int(s) for s in a.sizes.split(',') if s]:
        txt, jsonl = generate(a.work, a.src, mb, a.docs)
        out = os.path.join(a.work, f'out-{mb}')
        os.makedirs(out, exist_ok=True)
        inputs = ([('one file', txt)] if not a.no_single else []) + [(f'{a.docs} docs', jsonl)]
        for name, path in inputs:
            chrono = None
            if chrono_dir:
                r = measure(rows, f'chrono-node, {name}', mb,
                            [(['node', js, chrono_dir, path, dct], None)], timeout=a.timeout)
                print(fmt_row(r, None), flush=True)
                chrono = mb / r['cpu'] if r['ok'] and r['cpu'] > 0 else None
            dargs = ['--dct', dct] if path == txt else []
            r = measure(rows, f'extract -f json, {name}', mb,
                        [([el, '-q'] + dargs + ['-f', 'json', '-o', out, path], None)],
                        os.path.join(out, 'timeline.json'), a.timeout, env)
            print(fmt_row(r, chrono), flush=True)
            if path == jsonl:
                ann = os.path.join(a.work, f'annotated-{mb}.jsonl')
                r = measure(rows, f'annotate+merge -f json, {name}', mb,
                            [([el, 'annotate', '-q', '-f', 'jsonl', '-o', '-', path], ann),
                             ([el, 'merge', '-q', '-f', 'json', '-o', out, ann], None)],
                            os.path.join(out, 'timeline.json'), a.timeout, env)
                print(fmt_row(r, chrono), flush=True)
                os.remove(ann)
    if a.json:
        json.dump(rows, open(a.json, 'w'), indent=1)
    print('\nCPU = user+system seconds on one core; MB/s = input MB / CPU s; RSS = peak '
          'resident set; out/in = timeline.json size / input size.')


if __name__ == '__main__':
    main()
