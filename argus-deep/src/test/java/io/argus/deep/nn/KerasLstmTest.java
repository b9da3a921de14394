package io.argus.deep.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KerasLstmTest {

    private static final int B = 3;
    private static final int T = 5;
    private static final int F = 2;
    private static final int H = 4;

    /** Keras' LSTM step by step in double: z = xW + hU + b in gate order i, f, c, o. */
    private static double[][][] reference(float[] x, float[] w, float[] u, float[] b, KerasLstm.CellActivation act) {
        double[][][] out = new double[B][T][H];
        for (int n = 0; n < B; n++) {
            double[] h = new double[H];
            double[] c = new double[H];
            for (int t = 0; t < T; t++) {
                double[] z = new double[4 * H];
                for (int j = 0; j < 4 * H; j++) {
                    double v = b[j];
                    for (int f = 0; f < F; f++) {
                        v += x[(n * T + t) * F + f] * w[f * 4 * H + j];
                    }
                    for (int k = 0; k < H; k++) {
                        v += h[k] * u[k * 4 * H + j];
                    }
                    z[j] = v;
                }
                for (int k = 0; k < H; k++) {
                    double i = 1 / (1 + Math.exp(-z[k]));
                    double f = 1 / (1 + Math.exp(-z[H + k]));
                    double g = g(z[2 * H + k], act);
                    double o = 1 / (1 + Math.exp(-z[3 * H + k]));
                    c[k] = f * c[k] + i * g;
                    h[k] = o * g(c[k], act);
                }
                out[n][t] = h.clone();
            }
        }
        return out;
    }

    private static double g(double v, KerasLstm.CellActivation act) {
        return act == KerasLstm.CellActivation.RELU ? Math.max(0, v) : Math.tanh(v);
    }

    @ParameterizedTest
    @EnumSource(KerasLstm.CellActivation.class)
    void forwardIsKerasLstmAndParametersAreKerasInitialised(KerasLstm.CellActivation act) {
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[B * T * F];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        Torch.call(1, () -> {
            Torch.seed(9);
            try (NDManager m = NDManager.newBaseManager(Torch.ENGINE)) {
                KerasLstm seq = new KerasLstm(H, act, true);
                seq.initialize(m, DataType.FLOAT32, new Shape(B, T, F));
                Map<String, float[]> p = new HashMap<>();
                for (Pair<String, Parameter> e : seq.getParameters()) {
                    p.put(e.getKey(), e.getValue().getArray().toFloatArray());
                }
                assertThat(p.keySet()).containsExactlyInAnyOrder("kernel", "recurrent_kernel", "bias");
                assertThat(p.get("bias")).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
                double limit = KerasInit.glorotLimit(new Shape(F, 4 * H));
                for (float v : p.get("kernel")) {
                    assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
                }
                // a non-trivial bias, so the gate order is checked too
                float[] bias = new float[4 * H];
                for (int j = 0; j < bias.length; j++) {
                    bias[j] = (float) (r.nextDouble() - 0.5);
                }
                seq.getParameters().get("bias").getArray().set(bias);
                NDList out = seq.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(B, T, F))), false);
                assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(B, T, H));
                float[] y = out.singletonOrThrow().toFloatArray();
                double[][][] want = reference(x, p.get("kernel"), p.get("recurrent_kernel"), bias, act);
                for (int n = 0; n < B; n++) {
                    for (int t = 0; t < T; t++) {
                        for (int k = 0; k < H; k++) {
                            assertThat((double) y[(n * T + t) * H + k]).isCloseTo(want[n][t][k], within(1e-5));
                        }
                    }
                }
                KerasLstm last = new KerasLstm(H, act, false);
                last.initialize(m, DataType.FLOAT32, new Shape(B, T, F));
                for (Pair<String, Parameter> e : last.getParameters()) {
                    e.getValue().getArray().set(e.getKey().equals("bias") ? bias : p.get(e.getKey()));
                }
                float[] h = last.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(B, T, F))), false)
                        .singletonOrThrow().toFloatArray();
                assertThat(h).hasSize(B * H);
                for (int n = 0; n < B; n++) {
                    for (int k = 0; k < H; k++) {
                        assertThat(h[n * H + k]).isEqualTo(y[(n * T + T - 1) * H + k]);
                    }
                }
            }
            return null;
        });
    }
}
