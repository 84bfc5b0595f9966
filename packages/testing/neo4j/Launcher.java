import java.io.InputStream;
import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts an embedded Neo4j with Bolt on 127.0.0.1 for Cartograph's tests, demos and benchmarks.
 *
 * Arguments: home directory (fresh, or the data of an earlier run to restart on), Bolt port,
 * password for the user neo4j (set on a fresh home only), page cache in MiB, and
 * "watch-stdin" (stop when the parent closes our stdin, so a crashed test run leaves no server
 * behind) or "detached" (run until SIGTERM).
 */
public class Launcher {
  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String password = args[2];
    long pageCacheMiB = Long.parseLong(args[3]);
    boolean watchStdin = args.length > 4 && args[4].equals("watch-stdin");

    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMiB * 1024 * 1024)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));

    // The embedded API runs with full privileges, so it can set the password that a fresh
    // server would otherwise force clients to change on first login. A restart on existing data
    // keeps the password already set (Neo4j refuses to set the same password again).
    boolean fresh = service.database("system").executeTransactionally(
        "SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired",
        java.util.Map.of(),
        result -> !result.hasNext() || (Boolean) result.next().get("passwordChangeRequired"));
    if (fresh) {
      service.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
          java.util.Map.of("password", password));
    }

    System.out.println("CARTOGRAPH_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    if (watchStdin) {
      InputStream in = System.in;
      while (in.read() != -1) {
        // Drain until the parent process closes the pipe.
      }
      System.exit(0);
    }
    Thread.currentThread().join();
  }
}
