package dev.benchwatch.app;

import dev.benchwatch.device.DeviceBench;
import dev.benchwatch.engine.Engine;
import dev.benchwatch.ui.ConsoleWindow;
import dev.benchwatch.ui.FxWait;
import dev.benchwatch.ui.WindowLayout;
import dev.benchwatch.ui.workspace.RecentFiles;
import dev.benchwatch.ui.workspace.WorkspaceDocument;
import dev.benchwatch.ui.workspace.WorkspaceFileActions;
import dev.benchwatch.workspace.TriggerLanguageCheck;
import dev.benchwatch.workspace.WorkspaceSetup;
import dev.benchwatch.workspace.WorkspaceSetupReport;
import dev.benchwatch.workspace.file.Workspace;
import dev.benchwatch.workspace.file.WorkspaceReader;
import java.nio.file.Path;
import java.util.Map;
import javafx.stage.Stage;

/**
 * The console on a workspace file as the launcher builds it, for TestFX tests: engine, bench, the workspace
 * applied, its document and File commands, the window shown. Call from a {@code @Start} method.
 *
 * @param opened what "open another workspace" does (the launcher would replace the console)
 */
record WorkspaceConsole(Engine engine, DeviceBench bench, WorkspaceDocument document, WorkspaceFileActions actions,
                        ConsoleWindow window) {

    static WorkspaceConsole open(Stage stage, Path file, Path recentStore, WorkspaceFileActions.Opener opened)
            throws Exception {
        Workspace workspace = new WorkspaceReader(new TriggerLanguageCheck()).read(file).workspace();
        Engine engine = new Engine();
        engine.start();
        DeviceBench bench = new DeviceBench(engine);
        WorkspaceSetupReport report = WorkspaceSetup.apply(workspace, engine, bench, Map.of(),
                file.toAbsolutePath().getParent());
        WorkspaceDocument document = new WorkspaceDocument(engine, workspace, file, file.getFileName().toString());
        WorkspaceFileActions actions = new WorkspaceFileActions(stage, document, RecentFiles.load(recentStore), opened);
        ConsoleWindow window = new ConsoleWindow(stage, engine, bench, WindowLayout.DEFAULT, null, report.charts(),
                actions);
        window.show();
        return new WorkspaceConsole(engine, bench, document, actions, window);
    }

    /** Closes what a test left open, the window, the devices and the engine. */
    void close() throws Exception {
        FxWait.closeDialogs(window::close);
        bench.close();
        engine.close();
    }
}
