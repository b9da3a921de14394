package io.argus.tabular.ensemble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.argus.core.Context;
import io.argus.core.Model;
import io.argus.core.Scores;
import io.argus.core.data.Table;
import io.argus.core.model.StateTensors;
import io.argus.core.model.Tensor;
import io.argus.core.params.MethodRegistry;
import io.argus.core.params.Params;
import io.argus.tabular.combine.ScoreCombiner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link Ensemble}: the members' models and the combiner fitted on their training scores.
 *
 * <p>State: member i's tensors under the prefix {@code member<i>.}, its method and parameters as UTF-8
 * JSON ({@code {"method": ..., "params": {...}}}) in the uint8 tensor {@code member<i>.spec}, and the
 * combiner's {@code combine.location}, {@code combine.scale} and {@code combine.bucket}. The member's
 * parameters are stored, not re-read from its current defaults, so a model file keeps scoring as it did
 * when a member's defaults change.
 */
public final class EnsembleModel implements Model<Table> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "spec";
    private static final String COMBINE = "combine.";

    private final List<Member> members;
    private final List<Model<Table>> models;
    private final ScoreCombiner combiner;

    EnsembleModel(List<Member> members, List<Model<Table>> models, ScoreCombiner combiner) {
        if (members.size() != models.size() || members.size() != combiner.detectors()) {
            throw new IllegalArgumentException("shape mismatch: " + members.size() + " members, " + models.size() + " models, "
                    + combiner.detectors() + " standardisers");
        }
        this.members = List.copyOf(members);
        this.models = List.copyOf(models);
        this.combiner = combiner;
    }

    /** The member method names, in order. */
    public List<String> memberNames() {
        return members.stream().map(Member::name).toList();
    }

    /** The combiner fitted on the members' training scores. */
    public ScoreCombiner combiner() {
        return combiner;
    }

    /** Scores of each member, unstandardised, in member order. */
    public List<Scores> memberScores(Table data, Context ctx) {
        List<Scores> out = new ArrayList<>(models.size());
        for (Model<Table> model : models) {
            ctx.checkCancelled();
            out.add(model.score(data, ctx));
        }
        return out;
    }

    @Override
    public Scores score(Table data, Context ctx) {
        return combiner.combine(memberScores(data, ctx));
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> s = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String prefix = prefix(i);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("method", members.get(i).name());
            spec.put("params", Params.toMap(members.get(i).params()));
            s.put(prefix + SPEC, Tensor.u8(json(spec).getBytes(StandardCharsets.UTF_8)));
            models.get(i).state().forEach((name, t) -> s.put(prefix + name, t));
        }
        combiner.state().forEach((name, t) -> s.put(COMBINE + name, t));
        return s;
    }

    private static String prefix(int i) {
        return "member" + i + ".";
    }

    /**
     * Rebuilds a model from {@link #state()}: each member through its own provider.
     *
     * @throws IllegalArgumentException when a tensor is missing or malformed, or a member's recorded method
     *         differs from the parameters' member list (naming the member)
     */
    static EnsembleModel restore(EnsembleParams params, Map<String, Tensor> state, MethodRegistry registry) {
        List<String> names = params.memberNames();
        List<Member> members = new ArrayList<>(names.size());
        List<Model<Table>> models = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String prefix = prefix(i);
            byte[] specBytes = StateTensors.require(state, prefix + SPEC, Tensor.DType.U8).bytes();
            JsonNode spec;
            try {
                spec = JSON.readTree(new String(specBytes, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("model state tensor '" + prefix + SPEC + "' is not JSON: " + e.getOriginalMessage(), e);
            }
            String method = spec.path("method").asText("");
            if (!method.equals(names.get(i))) {
                throw new IllegalArgumentException("model state tensor '" + prefix + SPEC + "' holds method '" + method
                        + "', but the parameters name member " + i + " '" + names.get(i) + "'");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : spec.path("params").properties()) {
                values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
            Member member;
            try {
                member = Member.of(registry, method, values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ensemble member " + i + ": " + e.getMessage(), e);
            }
            Map<String, Tensor> sub = new LinkedHashMap<>();
            state.forEach((name, t) -> {
                if (name.startsWith(prefix) && !name.equals(prefix + SPEC)) {
                    sub.put(name.substring(prefix.length()), t);
                }
            });
            try {
                models.add(member.restore(sub));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ensemble member " + i + " (" + method + "): " + e.getMessage(), e);
            }
            members.add(member);
        }
        Map<String, Tensor> comb = new LinkedHashMap<>();
        state.forEach((name, t) -> {
            if (name.startsWith(COMBINE)) {
                comb.put(name.substring(COMBINE.length()), t);
            }
        });
        ScoreCombiner combiner;
        try {
            combiner = ScoreCombiner.restore(params.rule(), names.size(), comb);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ensemble combiner: " + e.getMessage().replace("'location'", "'combine.location'")
                    .replace("'scale'", "'combine.scale'").replace("'bucket'", "'combine.bucket'"), e);
        }
        return new EnsembleModel(members, models, combiner);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode ensemble member parameters", e);
        }
    }
}
