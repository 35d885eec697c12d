package dev.kiln.cli;

import dev.kiln.core.linalg.Blas;

/** The kiln command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("kiln: " + Blas.implementation());
    }
}
