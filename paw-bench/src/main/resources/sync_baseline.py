"""What a user writes by hand to copy Stripe invoices into SQLite, with the standard library only.

urllib for each page (a new connection each time, as urlopen does), json.load of the whole page, executemany of
one INSERT OR REPLACE per page, one commit per page, and the same SQLite settings as a pocket (WAL,
synchronous=NORMAL). Prints one RESULT line like the Java scenarios.

usage: python3 sync_baseline.py API_BASE DATABASE
"""
import json
import sqlite3
import sys
import time
import urllib.parse
import urllib.request

COLUMNS = ["id", "customer", "number", "status", "currency", "amount_due", "amount_paid", "amount_remaining",
           "due_date", "created", "hosted_invoice_url"]


def peak_rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def main():
    api_base, database = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE stripe_invoices (id TEXT NOT NULL PRIMARY KEY, customer TEXT, number TEXT, status TEXT,"
               " currency TEXT, amount_due INTEGER, amount_paid INTEGER, amount_remaining INTEGER, due_date INTEGER,"
               " created INTEGER, hosted_invoice_url TEXT)")
    insert = "INSERT OR REPLACE INTO stripe_invoices VALUES (%s)" % ", ".join("?" * len(COLUMNS))
    started = time.perf_counter()
    records = 0
    params = {"limit": 100}
    while True:
        with urllib.request.urlopen(api_base + "/invoices?" + urllib.parse.urlencode(params)) as response:
            page = json.load(response)
        rows = [tuple(invoice.get(c) for c in COLUMNS) for invoice in page["data"]]
        db.executemany(insert, rows)
        db.commit()
        records += len(rows)
        if not page["has_more"] or not rows:
            break
        params["starting_after"] = page["data"][-1]["id"]
    seconds = time.perf_counter() - started
    count = db.execute("SELECT count(*) FROM stripe_invoices").fetchone()[0]
    print("RESULT records=%d rows=%d seconds=%f hwm_kb=%d cpu_s=%f note=python%s" % (
        records, count, seconds, peak_rss_kb(), time.process_time(), sys.version.split()[0]))


if __name__ == "__main__":
    main()
