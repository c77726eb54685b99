#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// `sqlite3_config` is variadic, which Swift cannot call: this passes the one option we set.
///
/// Turns off SQLite's memory statistics, which every allocation otherwise updates under one
/// process-wide mutex: with a writer and readers on several threads, that mutex is where they
/// wait for each other. Only effective before SQLite initializes (before the first connection
/// opens); afterwards SQLite refuses with SQLITE_MISUSE and changes nothing.
///
/// Related SQLite documentation: https://www.sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
