"""The seed's visit counter: Flask in front, PostgreSQL behind.

It connects to the database once, when it starts, and never retries: it relies on Compose starting it only
after the db service reports healthy (depends_on: condition: service_healthy).
"""
import os

import psycopg2
from flask import Flask

connection = psycopg2.connect(
    host=os.environ.get("DB_HOST", "db"),
    dbname=os.environ.get("POSTGRES_DB", "postgres"),
    user=os.environ.get("POSTGRES_USER", "postgres"),
    password=os.environ["POSTGRES_PASSWORD"],
)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE IF NOT EXISTS visits (id integer PRIMARY KEY, hits bigint NOT NULL)")
    cursor.execute("INSERT INTO visits VALUES (1, 0) ON CONFLICT (id) DO NOTHING")

app = Flask(__name__)
greeting = os.environ.get("GREETING", "Hello")


@app.route("/")
def hello():
    with connection.cursor() as cursor:
        cursor.execute("UPDATE visits SET hits = hits + 1 WHERE id = 1 RETURNING hits")
        (hits,) = cursor.fetchone()
    return f"{greeting}! I have been seen {hits} times.\n"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
