#!/usr/bin/env python3
"""eventline_dask.py - run eventline's map (annotate) on a Dask cluster and
its reduce (merge) on one worker, writing the same outputs as one
`eventline` run over the same inputs.

    eventline_dask.py -o OUT [-f json,dot,...] [--workers 2] [--scheduler ADDR]
                      [--partition-mb 8] [--scratch DIR] [-- ANNOTATE-OPTIONS] INPUT...

INPUT: files (text, HTML, TimeML, JSON Lines) and directories (every file
under them, sorted).  Plain files are grouped into partitions of about
--partition-mb; a JSON Lines file is cut at line boundaries into byte ranges
of that size, each piped to its worker's `annotate` on stdin.  Without
--scheduler a LocalCluster of --workers worker processes (one thread each)
runs on this machine; with it, the workers must see the same paths (a
shared file system) and have eventline on PATH or at --eventline.

map    : one task per partition: `eventline annotate -q -f jsonl -o -`
         (+ the options after `--`, e.g. -m manifest.tsv or --dct D), whose
         JSON Lines go to a part file in --scratch.
reduce : one task: `eventline merge -q -f FORMATS -o OUT` over the part
         files (merge sorts the documents, so the partition and the order
         of the parts do not change the result).

What may differ from one `eventline` run (docs/scale.md): a JSON Lines
record without an "id" is named from its line in the piece its worker
reads; give records ids.  The reduce is one process: it is not yet
partitioned by a blocking key (docs/scale.md, "Past one machine").
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

MB = 1000 * 1000


def list_inputs(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if not n.startswith('.')]
        elif os.path.exists(p):
            files.append(p)
        else:
            sys.exit(f'eventline_dask: {p}: no such file or directory')
    return files


def jsonl_ranges(path, size):
    """(start, end) byte ranges of path, each ending after a newline (or at
    the end), of about `size` bytes."""
    total = os.path.getsize(path)
    ranges, start = [], 0
    with open(path, 'rb') as f:
        while start < total:
            f.seek(min(start + size, total))
            if start + size < total:
                f.readline()   # to the end of the line
            end = min(f.tell(), total) if start + size < total else total
            ranges.append((start, end))
            start = end
    return ranges


def partitions(files, size):
    """Tasks: ('files', [paths]) or ('range', path, start, end)."""
    tasks, group, gsize = [], [], 0
    for f in files:
        if f.endswith('.jsonl'):
            tasks += [('range', f, s, e) for s, e in jsonl_ranges(f, size)]
            continue
        group.append(f)
        gsize += os.path.getsize(f)
        if gsize >= size:
            tasks.append(('files', group))
            group, gsize = [], 0
    if group:
        tasks.append(('files', group))
    return tasks


def annotate(task, index, eventline, extra, scratch, env):
    """The map task: annotate one partition into scratch/part-NNNNN.jsonl;
    returns (path, stderr text, exit code)."""
    out = os.path.join(scratch, f'part-{index:05d}.jsonl')
    cmd = [eventline, 'annotate', '-q', '-f', 'jsonl', '-o', '-'] + list(extra)
    with open(out, 'wb') as fo:
        if task[0] == 'files':
            p = subprocess.run(cmd + list(task[1]), stdout=fo, stderr=subprocess.PIPE, env=env)
        else:
            _, path, start, end = task
            with open(path, 'rb') as fi:
                fi.seek(start)
                data = fi.read(end - start)
            p = subprocess.run(cmd + ['-'], input=data, stdout=fo, stderr=subprocess.PIPE, env=env)
    return out, p.stderr.decode(errors='replace'), p.returncode


def merge(parts, eventline, formats, outdir, env):
    """The reduce task: merge every part into outdir."""
    cmd = [eventline, 'merge', '-q', '-f', formats, '-o', outdir] + sorted(parts)
    p = subprocess.run(cmd, stderr=subprocess.PIPE, env=env)
    return p.stderr.decode(errors='replace'), p.returncode


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = []
    if '--' in argv:
        i = argv.index('--')
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('inputs', nargs='+')
    ap.add_argument('-o', '--outdir', required=True)
    ap.add_argument('-f', '--formats', default='json')
    ap.add_argument('--workers', type=int, default=2, help='LocalCluster worker processes')
    ap.add_argument('--scheduler', help='address of a running Dask scheduler')
    ap.add_argument('--partition-mb', type=float, default=8.0)
    ap.add_argument('--scratch', help='folder for the map outputs (default: a temporary one)')
    ap.add_argument('--keep-scratch', action='store_true')
    ap.add_argument('--eventline', default=shutil.which('eventline') or 'eventline')
    a = ap.parse_args(argv)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        sys.exit('eventline_dask: Dask is not installed (Debian: apt-get install python3-distributed)')
    eventline = os.path.abspath(a.eventline) if os.path.exists(a.eventline) else a.eventline
    env = dict(os.environ)
    files = list_inputs(a.inputs)
    tasks = partitions(files, max(1, int(a.partition_mb * MB)))
    scratch = a.scratch or tempfile.mkdtemp(prefix='eventline-dask.')
    os.makedirs(scratch, exist_ok=True)
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    status = 0
    try:
        futures = [client.submit(annotate, t, i, eventline, extra, scratch, env, pure=False)
                   for i, t in enumerate(tasks)]
        parts = []
        for path, err, rc in client.gather(futures):
            sys.stderr.write(err)   # (exit 1: documents reported and skipped)
            parts.append(path)
            status = max(status, rc)
        err, rc = client.submit(merge, parts, eventline, a.formats, os.path.abspath(a.outdir),
                                env, pure=False).result()
        sys.stderr.write(err)
        status = max(status, rc)
    finally:
        client.close()
        if cluster:
            cluster.close()
        if not a.scratch and not a.keep_scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
