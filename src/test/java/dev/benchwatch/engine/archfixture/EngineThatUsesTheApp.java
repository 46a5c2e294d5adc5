package dev.benchwatch.engine.archfixture;

import dev.benchwatch.app.BenchwatchMain;

/** Deliberately breaks the engine rules: the architecture tests must flag it. Never used otherwise. */
public class EngineThatUsesTheApp {
    public int run() {
        return BenchwatchMain.run("--version");
    }
}
