package org.difflab.runtime.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UNetConfigTest {

    @Test
    void defaultsFollowHoEtAlsProportions() {
        UNetConfig c = UNetConfig.of(32, 16);
        assertThat(c.channels()).isEqualTo(3);
        assertThat(c.levels()).isEqualTo(3);
        assertThat(c.levelWidth(0)).isEqualTo(16);
        assertThat(c.levelWidth(2)).isEqualTo(32);
        assertThat(c.embeddingWidth()).isEqualTo(64);
        assertThat(c.groups()).isEqualTo(4);
        assertThat(c.blocks()).isEqualTo(1);
        assertThat(c).hasToString("unet:channels=3,size=32,width=16,multipliers=1/2/2,blocks=1,groups=4");
        assertThat(c).isEqualTo(UNetConfig.of(3, 32, 16, new int[] {1, 2, 2}, 1, 4)).isNotEqualTo(UNetConfig.of(16, 16));
        assertThat(c.hashCode()).isEqualTo(UNetConfig.of(3, 32, 16, new int[] {1, 2, 2}, 1, 4).hashCode());
    }

    @Test
    void badSizesNameTheParameterItsValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> UNetConfig.of(18, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size = 18").hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> UNetConfig.of(2, 8)).hasMessageContaining("size = 2").hasMessageContaining("[8, 1024]");
        assertThatThrownBy(() -> UNetConfig.of(16, 7)).hasMessageContaining("width = 7").hasMessageContaining("even");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 6, new int[] {2, 1}, 1, 4))
                .hasMessageContaining("groups = 4").hasMessageContaining("level 1 has width * multipliers[1] = 6");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 8, new int[] {1, 0}, 1, 2)).hasMessageContaining("multipliers[1] = 0");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 8, new int[0], 1, 2)).hasMessageContaining("multipliers.length = 0");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 8, null, 1, 2)).hasMessageContaining("multipliers is missing");
        assertThatThrownBy(() -> UNetConfig.of(0, 16, 8, new int[] {1}, 1, 2)).hasMessageContaining("channels = 0");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 8, new int[] {1}, 0, 2)).hasMessageContaining("blocks = 0");
        assertThatThrownBy(() -> UNetConfig.of(3, 16, 8, new int[] {1}, 1, 0)).hasMessageContaining("groups = 0");
    }

    @Test
    void multipliersAreCopiedInAndOut() {
        int[] m = {1, 2};
        UNetConfig c = UNetConfig.of(3, 16, 8, m, 1, 2);
        m[1] = 4;
        c.multipliers()[0] = 8;
        assertThat(c.multipliers()).containsExactly(1, 2);
    }
}
