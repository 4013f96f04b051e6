/** Signatures of SqlClient and other database drivers. See types.ts for what a signature is and how it is matched. */
import type { Signature } from './types';

const SQLCLIENT = 'dotnet/SqlClient src/Microsoft.Data.SqlClient/src/Resources/Strings.resx';
const NPGSQL = 'npgsql/npgsql src/Npgsql';
const MYSQLCONNECTOR = 'mysql-net/MySqlConnector src/MySqlConnector';
const SQL_ERRORS = 'learn.microsoft.com sql/relational-databases/errors-events (database engine errors)';

/** The provider part of a SqlClient network error: `(provider: TCP Provider, error: 0 - No such host is known.)`. */
const PROVIDER = /\(provider: ([^)]{1,200})\)/i;
/** Socket and SNI failures that, under a SqlClient provider, mean the server was not reached. */
const PROVIDER_UNREACHABLE = [
  'error: 40',
  'error: 26',
  'error: 25',
  'error: 35',
  'error: 47',
  'No such host is known',
  'actively refused',
  'A connection attempt failed',
  'Could not open a connection',
  'Name or service not known',
  'Connection refused',
  'network path was not found',
  'Error Locating Server',
  'The wait operation timed out',
];

export const SIGNATURES: readonly Signature[] = [
  // ── The connection pool ran dry ─────────────────────────────────────────────────────────────
  // SqlClient writes two spaces between its sentences ("Timeout expired.  The timeout period ..."), so no fragment spans them.
  {
    clue: 'sql.pool-timeout',
    all: ['prior to obtaining a connection from the pool'],
    source: `${SQLCLIENT} (PooledOpenTimeout); also System.Data.SqlClient and MySql.Data`,
    examples: {
      match: [
        'System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.',
        'The timeout period elapsed prior to obtaining a connection from the pool.',
      ],
      noMatch: ['Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.'],
    },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['max pool size was reached'],
    source: `${SQLCLIENT} (PooledOpenTimeout, its last sentence)`,
    examples: { match: ['This may have occurred because all pooled connections were in use and max pool size was reached.'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['all pooled connections were in use'],
    source: `${SQLCLIENT} (PooledOpenTimeout, the middle of the sentence when the line is split)`,
    examples: { match: ['This may have occurred because all pooled connections were in use'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['The connection pool has been exhausted'],
    value: /max ?pool ?size'? \(currently (\d{1,6})\)/i,
    source: `${NPGSQL}/PoolingDataSource.cs ("The connection pool has been exhausted, either raise 'Max Pool Size' (currently N) or 'Timeout' ...")`,
    examples: {
      match: [
        "Npgsql.NpgsqlException (0x80004005): The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently 15 seconds) in your connection string.",
        'Npgsql.NpgsqlException (0x80004005): The connection pool has been exhausted, either raise MaxPoolSize (currently 100) or Timeout (currently 15 seconds)',
      ],
    },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['All pooled connections are in use'],
    source: `${MYSQLCONNECTOR}/Core/ConnectionPool.cs ("Connect Timeout expired. All pooled connections are in use.")`,
    examples: { match: ['MySqlConnector.MySqlException (0x80004005): Connect Timeout expired. All pooled connections are in use.'] },
  },

  // ── The server could not be reached ─────────────────────────────────────────────────────────
  {
    clue: 'sql.unreachable',
    all: ['network-related or instance-specific error'],
    value: PROVIDER,
    source: `${SQLCLIENT} (SQL_ConnectionFailure family: "A network-related or instance-specific error occurred while establishing a connection to SQL Server"; kb-facts 7)`,
    examples: {
      match: [
        'Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)',
        'A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. (provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)',
      ],
    },
  },
  {
    clue: 'sql.unreachable',
    all: ['The server was not found or was not accessible'],
    source: `${SQLCLIENT} (the second sentence of the network error, when the line is split)`,
    examples: { match: ['The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections.'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Could not open a connection to SQL Server'],
    source: `${SQLCLIENT} (SNI_ERROR_40)`,
    examples: { match: ['(provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Error Locating Server/Instance Specified'],
    source: `${SQLCLIENT} (SNI_ERROR_26)`,
    examples: { match: ['(provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['(provider: '],
    any: PROVIDER_UNREACHABLE,
    none: ['Execution Timeout Expired'],
    value: PROVIDER,
    source: `${SQLCLIENT} (SNI provider errors: TCP Provider error 0 with a socket message, Named Pipes error 40 / 53)`,
    examples: {
      match: [
        'A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - The wait operation timed out.)',
        '(provider: TCP Provider, error: 0 - No such host is known.)',
        '(provider: TCP Provider, error: 40 - Could not open a connection to SQL Server: Could not open a connection to SQL Server)',
        '(provider: TCP Provider, error: 35 - An internal exception was caught) ---> System.Net.Sockets.SocketException (111): Connection refused',
      ],
      noMatch: ['A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)'],
    },
  },
  {
    clue: 'sql.unreachable',
    all: ['Connection Timeout Expired'],
    source: `${SQLCLIENT} (SQL_ConnectionTimeoutExpired: "Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.")`,
    examples: {
      match: ['Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.'],
    },
  },
  {
    clue: 'sql.unreachable',
    all: ['Login timeout expired'],
    source: 'Microsoft ODBC Driver for SQL Server / sqlcmd ("[08001] ... Login timeout expired")',
    examples: { match: ['Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login timeout expired.'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Failed to connect to'],
    any: ['Npgsql'],
    value: /failed to connect to ([\w.:[\]-]{1,200})/i,
    source: `${NPGSQL}/Internal/NpgsqlConnector.cs ("Failed to connect to {endpoint}")`,
    examples: { match: ['Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.0.5:5432'], noMatch: ['Failed to connect to the Redis server'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Exception while connecting'],
    any: ['Npgsql'],
    source: `${NPGSQL} (Npgsql 4.x and older: "Exception while connecting")`,
    examples: { match: ['Npgsql.NpgsqlException (0x80004005): Exception while connecting ---> System.Net.Sockets.SocketException (111): Connection refused'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['the database system is'],
    any: ['the database system is starting up', 'the database system is shutting down', 'the database system is in recovery mode'],
    source: 'postgres/postgres src/backend/postmaster (57P03 cannot_connect_now), as Npgsql.PostgresException prints it',
    examples: { match: ['Npgsql.PostgresException (0x80004005): 57P03: the database system is starting up'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Unable to connect to any of the specified MySQL hosts'],
    source: `${MYSQLCONNECTOR} and MySql.Data (UnableToConnectToHost)`,
    examples: { match: ['MySqlConnector.MySqlException (0x80004005): Unable to connect to any of the specified MySQL hosts.'] },
  },
  {
    clue: 'sql.unreachable',
    all: ['Connect Timeout expired'],
    none: ['All pooled connections are in use'],
    source: `${MYSQLCONNECTOR}/Core/ConnectionPool.cs ("Connect Timeout expired." without a full pool)`,
    examples: {
      match: ['MySqlConnector.MySqlException (0x80004005): Connect Timeout expired.'],
      noMatch: ['MySqlConnector.MySqlException (0x80004005): Connect Timeout expired. All pooled connections are in use.'],
    },
  },

  // ── The server refused the login ────────────────────────────────────────────────────────────
  {
    clue: 'sql.login-failed',
    all: ['Login failed for user'],
    value: /login failed for user '([^']{1,200})'/i,
    source: `${SQL_ERRORS} (MSSQLSERVER_18456; kb-facts 7)`,
    examples: {
      match: ["Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'IIS APPPOOL\\ShopPool'.", "Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'."],
      noMatch: ['login failed, please try again'],
    },
  },
  {
    clue: 'sql.login-failed',
    all: ['Cannot open database', 'requested by the login'],
    value: /cannot open database "([^"]{1,200})"/i,
    source: `${SQL_ERRORS} (MSSQLSERVER_4060; kb-facts 7)`,
    examples: { match: ['Cannot open database "ShopDb" requested by the login. The login failed.'] },
  },
  {
    clue: 'sql.login-failed',
    all: ['Cannot open server', 'requested by the login'],
    source: 'learn.microsoft.com azure/azure-sql/database/troubleshoot-common-errors-issues (40615: the server firewall refused the client IP)',
    examples: {
      match: ["Cannot open server 'shop-sql' requested by the login. Client with IP address '20.50.1.2' is not allowed to access the server."],
    },
  },
  {
    clue: 'sql.login-failed',
    all: ['The login is from an untrusted domain'],
    source: `${SQL_ERRORS} (MSSQLSERVER_18452)`,
    examples: { match: ['Login failed. The login is from an untrusted domain and cannot be used with Windows authentication.'] },
  },
  {
    clue: 'sql.login-failed',
    all: ['is not able to access the database', 'under the current security context'],
    source: `${SQL_ERRORS} (MSSQLSERVER_916)`,
    examples: { match: ['The server principal "IIS APPPOOL\\ShopPool" is not able to access the database "ShopDb" under the current security context.'] },
  },
  {
    clue: 'sql.login-failed',
    all: ['password authentication failed for user'],
    value: /password authentication failed for user "([^"]{1,200})"/i,
    source: 'postgres/postgres src/backend/libpq/auth.c (28P01), as Npgsql.PostgresException prints it',
    examples: { match: ['Npgsql.PostgresException (0x80004005): 28P01: password authentication failed for user "shop"'] },
  },
  {
    clue: 'sql.login-failed',
    all: ['no pg_hba.conf entry for host'],
    source: 'postgres/postgres src/backend/libpq/auth.c (28000: no pg_hba.conf entry)',
    examples: { match: ['28000: no pg_hba.conf entry for host "10.0.0.7", user "shop", database "shop", no encryption'] },
  },
  {
    clue: 'sql.login-failed',
    all: ["Access denied for user '"],
    any: ['(using password:', 'MySql'],
    value: /access denied for user '([^']{1,200})'/i,
    source: 'MySQL server error 1045 (ER_ACCESS_DENIED_ERROR), as MySqlConnector prints it',
    examples: { match: ["MySqlConnector.MySqlException (0x80004005): Access denied for user 'shop'@'10.0.0.7' (using password: YES)"] },
  },

  // ── A command timed out ─────────────────────────────────────────────────────────────────────
  {
    clue: 'sql.command-timeout',
    all: ['Execution Timeout Expired'],
    source: `${SQLCLIENT} (SQL_Timeout_Execution)`,
    examples: {
      match: ['Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.'],
      noMatch: ['Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.'],
    },
  },
  {
    clue: 'sql.command-timeout',
    all: ['prior to completion of the operation or the server is not responding'],
    source: `${SQLCLIENT} (SQL_Timeout_Execution, and the older System.Data.SqlClient "Timeout expired." wording)`,
    examples: { match: ['System.Data.SqlClient.SqlException (0x80131904): Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.'] },
  },
  {
    clue: 'sql.command-timeout',
    all: ['The wait operation timed out'],
    any: ['Sql', 'Win32Exception (258)'],
    none: ['(provider: ', 'Connection Timeout Expired', 'pre-login'],
    source: `${SQLCLIENT} (the inner Win32Exception (258) WAIT_TIMEOUT under an execution timeout)`,
    examples: {
      match: [' ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.', 'SqlException: The wait operation timed out.'],
      noMatch: ['(provider: TCP Provider, error: 0 - The wait operation timed out.)', 'The wait operation timed out.'],
    },
  },
  {
    clue: 'sql.command-timeout',
    all: ['canceling statement due to statement timeout'],
    source: 'postgres/postgres src/backend/tcop/postgres.c (57014 query_canceled), as Npgsql.PostgresException prints it',
    examples: { match: ['Npgsql.PostgresException (0x80004005): 57014: canceling statement due to statement timeout'] },
  },
  {
    clue: 'sql.command-timeout',
    all: ['Timeout during reading attempt'],
    source: `${NPGSQL}/Internal/NpgsqlReadBuffer.cs (command timeout while reading)`,
    examples: { match: ['Npgsql.NpgsqlException (0x80004005): Exception while reading from stream ---> System.TimeoutException: Timeout during reading attempt'] },
  },
  {
    clue: 'sql.command-timeout',
    all: ['Command Timeout expired before the operation completed'],
    source: `${MYSQLCONNECTOR} (CommandTimeoutExpired)`,
    examples: { match: ['MySqlConnector.MySqlException (0x80004005): The Command Timeout expired before the operation completed.'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['remaining connection slots are reserved'],
    source: 'PostgreSQL src/backend/utils/init/postinit.c (SQLSTATE 53300): the server ran out of connections',
    examples: { match: ['MessageText: remaining connection slots are reserved for non-replication superuser connections'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['too many clients already'],
    source: 'PostgreSQL src/backend/storage/lmgr/proc.c (SQLSTATE 53300: sorry, too many clients already)',
    examples: { match: ['Npgsql.PostgresException (0x80004005): 53300: sorry, too many clients already'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['too many connections'],
    any: ['mysql', 'mariadb', 'exception', 'error', '1040'],
    source: 'MySQL ER_CON_COUNT_ERROR (1040): "Too many connections"',
    examples: { match: ['MySqlConnector.MySqlException (0x80004005): Too many connections'], noMatch: ['we have too many connections to manage by hand'] },
  },
  {
    clue: 'sql.pool-timeout',
    all: ['connection pool'],
    any: ['exhaust', 'ran out', 'run out', 'running out', 'max pool', 'pool size', 'depleted'],
    source: 'How people name a database connection pool that ran dry',
    examples: { match: ['after 2 hours errors of exhaustion of the database connection pool begin to appear'], noMatch: ['the connection pool is configured with defaults'] },
  },
];
