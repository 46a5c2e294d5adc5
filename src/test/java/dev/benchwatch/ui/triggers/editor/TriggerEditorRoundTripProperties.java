package dev.benchwatch.ui.triggers.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchwatch.workspace.trigger.TriggerArbitraries;
import dev.benchwatch.workspace.trigger.TriggerModel;
import dev.benchwatch.workspace.trigger.TriggerText;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid trigger survives the editor: model → form → model, and model → form → text → form → model. */
class TriggerEditorRoundTripProperties {

    @Property(tries = 400)
    void loadingAModelGivesItBackWithItsCanonicalText(@ForAll("models") TriggerModel model) {
        TriggerEditorViewModel vm = new TriggerEditorViewModel(model, List.of(), List.of(), List.of("taken"));
        assertThat(vm.errors()).isEmpty();
        assertThat(vm.modelProperty().get()).isEqualTo(model);
        assertThat(vm.textProperty().get()).isEqualTo(TriggerText.print(model.expression()));
        assertThat(model.withExpression(TriggerText.parse(vm.textProperty().get()))).isEqualTo(model);
    }

    @Property(tries = 300)
    void typingTheTextOfAModelRebuildsAnEqualForm(@ForAll("models") TriggerModel model,
                                                   @ForAll("models") TriggerModel other) {
        TriggerEditorViewModel vm = new TriggerEditorViewModel(other.withName(model.name()), List.of(), List.of(),
                List.of());
        vm.textProperty().set(TriggerText.print(model.expression()));
        TriggerModel read = vm.modelProperty().get();
        assertThat(read).isNotNull();
        assertThat(read.expression()).isEqualTo(model.expression());
        assertThat(TriggerText.print(read.expression())).isEqualTo(vm.textProperty().get());
        assertThat(EditorState.of(read).when()).isEqualTo(vm.whenProperty().get());
    }

    @Provide
    Arbitrary<TriggerModel> models() {
        return TriggerArbitraries.models();
    }
}
