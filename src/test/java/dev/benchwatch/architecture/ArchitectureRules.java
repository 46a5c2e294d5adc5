package dev.benchwatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, as ArchUnit rules. */
final class ArchitectureRules {
    /** Libraries of devices, displays and storage: never in the engine or the codecs. */
    static final String[] IO_AND_UI_LIBRARIES = {
        "javafx..", "eu.hansolo..", "com.fazecast..", "com.hivemq..", "java.sql..", "javax.sql..", "org.sqlite..",
        "java.net..", "java.nio.channels..", "java.awt..", "javax.swing.."
    };

    static final ArchRule ENGINE_USES_NO_IO_OR_UI_LIBRARY = noClasses()
            .that().resideInAPackage("dev.benchwatch.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(IO_AND_UI_LIBRARIES)
            .because("the engine is pure computation: no display, device, broker or database");

    static final ArchRule ENGINE_DEPENDS_ON_NOTHING_OF_OURS = noClasses()
            .that().resideInAPackage("dev.benchwatch.engine..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.benchwatch..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("dev.benchwatch.engine..")))
            .because("engine depends on nothing of ours (DESIGN.md)");

    static final ArchRule ENGINE_ONLY_USES_ALLOWED_LIBRARIES = classes()
            .that().resideInAPackage("dev.benchwatch.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.time..",
                    "java.io..", "java.math..", "org.slf4j..", "org.HdrHistogram..", "dev.benchwatch.engine..")
            .because("the engine's only libraries are logging and HdrHistogram");

    static final ArchRule CODEC_USES_NO_IO_OR_UI_LIBRARY = noClasses()
            .that().resideInAPackage("dev.benchwatch.codec..")
            .should().dependOnClassesThat().resideInAnyPackage(IO_AND_UI_LIBRARIES)
            .because("codecs turn bytes into readings and do no I/O");

    static final ArchRule CODEC_DEPENDS_ONLY_ON_ENGINE = noClasses()
            .that().resideInAPackage("dev.benchwatch.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.benchwatch.device..", "dev.benchwatch.record..",
                    "dev.benchwatch.workspace..", "dev.benchwatch.ui..", "dev.benchwatch.app..")
            .because("codecs depend only on the engine's reading model");

    static final ArchRule JAVAFX_ONLY_IN_UI_AND_APP = noClasses()
            .that().resideInAPackage("dev.benchwatch..")
            .and().resideOutsideOfPackages("dev.benchwatch.ui..", "dev.benchwatch.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..")
            .because("only the ui package (and app, which wires it) touches JavaFX");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("App").definedBy("dev.benchwatch.app..")
            .layer("Ui").definedBy("dev.benchwatch.ui..")
            .layer("Workspace").definedBy("dev.benchwatch.workspace..")
            .layer("Record").definedBy("dev.benchwatch.record..")
            .layer("Device").definedBy("dev.benchwatch.device..")
            .layer("Codec").definedBy("dev.benchwatch.codec..")
            .layer("Engine").definedBy("dev.benchwatch.engine..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Codec").mayOnlyBeAccessedByLayers("Device", "Record", "Workspace", "Ui", "App")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Codec", "Device", "Record", "Workspace", "Ui", "App");

    private ArchitectureRules() {
    }
}
