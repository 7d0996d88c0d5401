package org.difflab.dsl.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one registry behind the integrator, Langevin, schedule and grid catalogues: lookup, listing and refusals. */
class RegistryTest {

    private static Registry<String> colours() {
        Registry<String> r = new Registry<>("colour");
        r.register("red", "the colour of blood", "shade=1", s -> "red" + s.real("shade", 1));
        r.register("blueGreen", "teal", "", s -> "teal");
        r.codeOnly("infrared", "invisible: built in code only");
        return r;
    }

    @Test
    void buildsByCaseInsensitiveNameAndListsInRegistrationOrder() {
        Registry<String> r = colours();
        assertThat(r.parse("RED:shade=0.5")).isEqualTo("red0.5");
        assertThat(r.parse("bluegreen")).isEqualTo("teal");
        assertThat(r.entries()).extracting(Registry.Entry::name).containsExactly("red", "blueGreen");
        assertThat(r.all()).containsExactly("red1.0", "teal");
        assertThat(r.specs()).containsExactly(Map.entry("red:shade=1", "the colour of blood"), Map.entry("blueGreen", "teal"));
        assertThat(r.codeOnly()).containsOnlyKeys("infrared");
    }

    @Test
    void refusesUnknownNamesWithTheClosestOneAndCodeOnlyNamesWithTheirReason() {
        Registry<String> r = colours();
        assertThatThrownBy(() -> r.parse("rde")).hasMessage("colour spec 'rde': name = rde is not allowed: must be one of red, blueGreen; "
                + "did you mean 'red'?");
        assertThatThrownBy(() -> r.parse("purple")).hasMessage("colour spec 'purple': name = purple is not allowed: must be one of red, blueGreen");
        assertThatThrownBy(() -> r.parse("infrarde")).hasMessageEndingWith("did you mean 'infrared'?");
        assertThatThrownBy(() -> r.parse("InfraRed")).hasMessage("colour spec 'InfraRed': name = infrared is not allowed: must be a registered "
                + "colour: infrared is invisible: built in code only");
    }

    @Test
    void refusesAKeyTheFactoryDoesNotReadAndANameRegisteredTwice() {
        Registry<String> r = colours();
        assertThatThrownBy(() -> r.parse("red:hue=2")).hasMessageContaining("unknown key 'hue' for red; allowed keys: shade");
        assertThatThrownBy(() -> r.register("Red", "again", "", s -> "x")).hasMessage("colour name 'Red' is already registered");
        assertThat(r.entries()).hasSize(2);
        assertThat(r.parse("red")).as("the first registration stays").isEqualTo("red1.0");
    }
}
