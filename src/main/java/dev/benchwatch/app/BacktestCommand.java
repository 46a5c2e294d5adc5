package dev.benchwatch.app;

import dev.benchwatch.record.RecordedSession;
import dev.benchwatch.record.RecordingException;
import dev.benchwatch.record.RecordingBacktest;
import dev.benchwatch.record.RecordingReader;
import dev.benchwatch.workspace.TriggerConfigs;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.trigger.BacktestResult;
import dev.benchwatch.workspace.trigger.TriggerModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code benchwatch backtest WORKSPACE FILE.db [--json] [--session N]}: what the workspace's triggers
 * would have done over a recorded session, each firing and clearing with times, durations and peaks
 * (docs/RECORDING.md, "Backtest"). The triggers run on a real engine in event time, so the result is the
 * one a live run over the same readings gives; actions are not performed.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run a workspace's triggers over a recorded session and report every firing and clearing. "
                + "Exit status 0 when it ran, 2 when not.")
public final class BacktestCommand implements Callable<Integer> {
    static final int FAILED = 2;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace whose triggers to run.")
    Path workspaceFile;

    @Parameters(index = "1", paramLabel = "FILE.db", description = "The recording.")
    Path file;

    @Option(names = "--json", description = "One JSON object per episode, then a summary object (JSON Lines).")
    boolean json;

    @Option(names = "--session", paramLabel = "N", description = "The session to run over (default: the latest).")
    Long session;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = WorkspaceFile.read(workspaceFile, "backtest", err);
        if (workspace == null) {
            err.flush();
            return FAILED;
        }
        List<TriggerModel> triggers = workspace.triggers().stream().map(TriggerConfigs::toModel).toList();
        try (RecordingReader reader = RecordingReader.open(file)) {
            RecordedSession chosen = reader.session(session);
            BacktestResult result = RecordingBacktest.run(reader, chosen.id(), triggers);
            if (json) {
                BacktestReport.json(out, file.toString(), chosen.id(), triggers, result);
            } else {
                BacktestReport.text(out, "backtest of " + workspaceFile + " over session " + chosen.id() + " of "
                        + file, triggers, result);
            }
            return 0;
        } catch (RecordingException | IllegalArgumentException e) {
            err.println("benchwatch backtest: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }
}
