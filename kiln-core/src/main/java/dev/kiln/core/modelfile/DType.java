package dev.kiln.core.modelfile;

/** Element types of safetensors tensors, with their names in the safetensors header. */
public enum DType {
    F64(8), F32(4), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type named {@code name} in a header, or null when Kiln does not read that type. */
    static DType parse(String name) {
        for (DType d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
