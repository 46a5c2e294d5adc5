package dev.benchwatch.engine.archfixture;

/** Deliberately breaks the engine rules: the architecture tests must flag it. Never used otherwise. */
public class EngineThatTalksToDatabase {
    public boolean closed(java.sql.Connection connection) throws java.sql.SQLException {
        return connection.isClosed();
    }
}
