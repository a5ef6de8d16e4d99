package io.github.creditrisk.spring.autoconfigure;

/** Told about each input the HTTP endpoint could not read: a borrower, a case, or a whole request. */
@FunctionalInterface
interface InputRejections {

    InputRejections NONE = () -> { };

    void rejected();
}
