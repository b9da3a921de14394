package io.argus.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The content of a safetensors file (https://github.com/huggingface/safetensors): named tensors in
 * file order and the string-to-string {@code __metadata__} of its header.
 *
 * <p>Both maps are copied on the way in; {@link #tensors()} hands out a fresh copy so the record stays
 * immutable (the tensors themselves share their arrays, see {@link Tensor}).
 *
 * @param tensors tensors by name, in the order of their data in the file (empty when only the header
 *     was read)
 * @param metadata the header metadata, in file order
 */
public record SafeTensorsContent(LinkedHashMap<String, Tensor> tensors, Map<String, String> metadata) {

    /** Copies both maps and rejects null names and values. */
    public SafeTensorsContent {
        Objects.requireNonNull(tensors, "tensors");
        Objects.requireNonNull(metadata, "metadata");
        tensors = new LinkedHashMap<>(tensors);
        tensors.forEach((k, v) -> {
            Objects.requireNonNull(k, "tensor name");
            Objects.requireNonNull(v, "tensor");
        });
        LinkedHashMap<String, String> meta = new LinkedHashMap<>(metadata);
        meta.forEach((k, v) -> {
            Objects.requireNonNull(k, "metadata key");
            Objects.requireNonNull(v, "metadata value");
        });
        metadata = Collections.unmodifiableMap(meta);
    }

    /**
     * Tensors by name in file order.
     *
     * @return a copy the caller may change
     */
    @Override
    public LinkedHashMap<String, Tensor> tensors() {
        return new LinkedHashMap<>(tensors);
    }

    /**
     * One tensor by name.
     *
     * @param name the tensor name
     * @return the tensor
     * @throws NoSuchElementException naming the tensors present when there is none of that name
     */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new NoSuchElementException("no tensor '" + name + "'; present: " + tensors.keySet());
        }
        return t;
    }
}
