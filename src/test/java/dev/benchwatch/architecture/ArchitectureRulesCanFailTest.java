package dev.benchwatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.benchwatch.device.archfixture.DeviceThatDrawsWithJavaFx;
import dev.benchwatch.engine.archfixture.EngineThatTalksToDatabase;
import dev.benchwatch.engine.archfixture.EngineThatUsesTheApp;
import org.junit.jupiter.api.Test;

/** Each rule reports the deliberate violations in the test fixtures, so a passing rule means something. */
class ArchitectureRulesCanFailTest {
    @Test
    void engineRuleCatchesJdbc() {
        JavaClasses fixture = new ClassFileImporter().importClasses(EngineThatTalksToDatabase.class);
        EvaluationResult result = ArchitectureRules.ENGINE_USES_NO_IO_OR_UI_LIBRARY.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("java.sql.Connection");
        assertThat(ArchitectureRules.ENGINE_ONLY_USES_ALLOWED_LIBRARIES.evaluate(fixture).hasViolation()).isTrue();
    }

    @Test
    void engineRuleCatchesOurOtherPackages() {
        JavaClasses fixture = new ClassFileImporter().importClasses(EngineThatUsesTheApp.class);
        EvaluationResult result = ArchitectureRules.ENGINE_DEPENDS_ON_NOTHING_OF_OURS.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("dev.benchwatch.app.BenchwatchMain");
        JavaClasses withApp = new ClassFileImporter().importClasses(EngineThatUsesTheApp.class,
                dev.benchwatch.app.BenchwatchMain.class);
        assertThat(ArchitectureRules.LAYERS.evaluate(withApp).hasViolation()).isTrue();
    }

    @Test
    void javafxRuleCatchesJavaFxOutsideUi() {
        JavaClasses fixture = new ClassFileImporter().importClasses(DeviceThatDrawsWithJavaFx.class);
        EvaluationResult result = ArchitectureRules.JAVAFX_ONLY_IN_UI_AND_APP.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("javafx.archfixture.FakeNode");
    }
}
