package io.nngeom.lowrank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nngeom.run.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {
    @TempDir
    Path dir;

    @Test
    void hairEyeResourceHasTheSnee1974Margins() {
        JointDistribution d = Tables.hairEye();
        assertThat(d.xNames()).containsExactly("Black", "Brown", "Red", "Blond");
        assertThat(d.yNames()).containsExactly("Brown", "Blue", "Hazel", "Green");
        double[] px = d.px();
        assertThat(px[0] * 592).isCloseTo(108, Offset.offset(1e-9));
        assertThat(px[1] * 592).isCloseTo(286, Offset.offset(1e-9));
        assertThat(d.py()[1] * 592).isCloseTo(215, Offset.offset(1e-9));
    }

    @Test
    void plainNumericTableWithoutNames() throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "0.1,0.2\n0.3,0.4\n");
        JointDistribution d = Tables.readJoint(f);
        assertThat(d.prob(1, 0)).isEqualTo(0.2);
        assertThat(d.xNames()).containsExactly("x0", "x1");
    }

    @Test
    void samplesAreCountedInOrderOfAppearance() throws Exception {
        Path f = dir.resolve("s.csv");
        Files.writeString(f, "a,b,c\n1,u,p\n2,v,p\n1,u,q\n1,v,q\n");
        JointDistribution d = Tables.readSamples(f, "b", "c");
        assertThat(d.xNames()).containsExactly("u", "v");
        assertThat(d.yNames()).containsExactly("p", "q");
        assertThat(d.prob(0, 0)).isEqualTo(0.25);
    }

    @Test
    void errorsNameTheFileOrOption() throws Exception {
        Path ragged = dir.resolve("r.csv");
        Files.writeString(ragged, "1,2,3\n4,5\n");
        assertThatThrownBy(() -> Tables.readJoint(ragged)).isInstanceOf(InputException.class).hasMessageContaining("r.csv");
        Path text = dir.resolve("t.csv");
        Files.writeString(text, "x,y\n1,z\n2,3\n");
        assertThatThrownBy(() -> Tables.readJoint(text)).isInstanceOf(InputException.class).hasMessageContaining("not a number");
        Path s = dir.resolve("s.csv");
        Files.writeString(s, "a,b\n1,2\n");
        assertThatThrownBy(() -> Tables.readSamples(s, "a", "zz")).isInstanceOf(InputException.class).hasMessageStartingWith("--y");
        assertThatThrownBy(() -> Tables.readJoint(dir.resolve("none.csv"))).isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }
}
