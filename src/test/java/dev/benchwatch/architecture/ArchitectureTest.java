package dev.benchwatch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The production code obeys the layering of DESIGN.md. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.benchwatch");
    }

    @Test
    void importsTheEngine() {
        // guards against a rule passing because nothing was imported
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith("dev.benchwatch.engine")))
                .hasSizeGreaterThan(30);
    }

    @Test
    void engineUsesNoIoOrUiLibrary() {
        ArchitectureRules.ENGINE_USES_NO_IO_OR_UI_LIBRARY.check(production);
    }

    @Test
    void engineDependsOnNothingOfOurs() {
        ArchitectureRules.ENGINE_DEPENDS_ON_NOTHING_OF_OURS.check(production);
    }

    @Test
    void engineOnlyUsesAllowedLibraries() {
        ArchitectureRules.ENGINE_ONLY_USES_ALLOWED_LIBRARIES.check(production);
    }

    @Test
    void codecUsesNoIoOrUiLibrary() {
        ArchitectureRules.CODEC_USES_NO_IO_OR_UI_LIBRARY.allowEmptyShould(true).check(production);
    }

    @Test
    void codecDependsOnlyOnEngine() {
        ArchitectureRules.CODEC_DEPENDS_ONLY_ON_ENGINE.allowEmptyShould(true).check(production);
    }

    @Test
    void javafxOnlyInUiAndApp() {
        ArchitectureRules.JAVAFX_ONLY_IN_UI_AND_APP.check(production);
    }

    @Test
    void layersPointOneWay() {
        ArchitectureRules.LAYERS.check(production);
    }
}
