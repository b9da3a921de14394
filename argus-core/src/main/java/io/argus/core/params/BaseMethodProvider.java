package io.argus.core.params;

import io.argus.core.data.Dataset;
import java.util.Objects;

/**
 * The descriptive half of a {@link MethodProvider}, held as constructor arguments, so that a method's
 * provider only has to say how to make a detector and how to restore a model.
 *
 * @param <D> the data the method reads
 * @param <P> its parameter record
 */
public abstract class BaseMethodProvider<D extends Dataset, P extends Record> implements MethodProvider<D, P> {

    private final String name;
    private final String modality;
    private final Class<D> dataType;
    private final String summary;
    private final Reference paper;
    private final Class<P> paramsType;
    private final P defaults;
    private final boolean deterministic;

    /**
     * @param name registry name
     * @param modality the modality it reads ("table")
     * @param dataType the data class it reads
     * @param summary one line: what the method does
     * @param paper the paper it implements
     * @param paramsType the parameter record type
     * @param defaults the default parameters
     * @param deterministic whether results ignore the seed
     */
    protected BaseMethodProvider(String name, String modality, Class<D> dataType, String summary, Reference paper, Class<P> paramsType,
            P defaults, boolean deterministic) {
        this.name = Objects.requireNonNull(name, "name");
        this.modality = Objects.requireNonNull(modality, "modality");
        this.dataType = Objects.requireNonNull(dataType, "dataType");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.paper = Objects.requireNonNull(paper, "paper");
        this.paramsType = Objects.requireNonNull(paramsType, "paramsType");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.deterministic = deterministic;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String modality() {
        return modality;
    }

    @Override
    public final Class<D> dataType() {
        return dataType;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final Reference paper() {
        return paper;
    }

    @Override
    public final Class<P> paramsType() {
        return paramsType;
    }

    @Override
    public final P defaults() {
        return defaults;
    }

    @Override
    public final boolean deterministic() {
        return deterministic;
    }
}
