/* sqlite: SQLite opens an in-memory database and creates a schema with indexes and seed rows at init;
 * run(ptr, len) counts the rows whose name contains the input. Built by build.sh against the benchmark
 * corpus's entry points (shared/bench-corpus/corpus/common/wizex_entry.h). */
#include <stdio.h>
#include <string.h>
#include "sqlite3.h"
#include "wizex_entry.h"

static sqlite3 *db;
static sqlite3_stmt *count_like;

static const char *schema =
    "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT UNIQUE, created INTEGER);"
    "CREATE TABLE orders(id INTEGER PRIMARY KEY, user INTEGER REFERENCES users(id), total REAL, note TEXT);"
    "CREATE INDEX orders_user ON orders(user);"
    "CREATE INDEX users_name ON users(name);"
    "CREATE VIEW big_spenders AS SELECT u.name, sum(o.total) AS spent FROM users u JOIN orders o"
    "  ON o.user = u.id GROUP BY u.id HAVING spent > 1000;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
    "  INSERT INTO users(name, email, created) SELECT 'user ' || i, 'user' || i || '@example.com', 1700000000 + i FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
    "  INSERT INTO orders(user, total, note) SELECT 1 + i % 2000, (i * 37) % 500, 'order ' || i FROM n;";

static void app_init(void) {
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) __builtin_trap();
    if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK) __builtin_trap();
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM users WHERE instr(name, ?1) > 0", -1, &count_like, NULL)
        != SQLITE_OK) __builtin_trap();
}

/* run: number of users whose name contains the input */
static int app_run(const char *in, size_t len) {
    sqlite3_reset(count_like);
    sqlite3_bind_text(count_like, 1, in, (int)len, SQLITE_TRANSIENT);
    if (sqlite3_step(count_like) != SQLITE_ROW) return -1;
    return sqlite3_column_int(count_like, 0);
}

static int app_main(int argc, char **argv) {
    const char *q = argc > 1 ? argv[1] : "user 1";
    printf("%s => %d\n", q, app_run(q, strlen(q)));
    return 0;
}
