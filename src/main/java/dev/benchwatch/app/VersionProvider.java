package dev.benchwatch.app;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest (or "development" when run from classes). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BenchwatchMain.class.getPackage().getImplementationVersion();
        return new String[] {"benchwatch " + (version == null ? "development" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
