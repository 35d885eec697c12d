package dev.kiln.serve.kb;

/** A request named a knowledge base that does not exist; the message lists those that do. */
public final class UnknownKnowledgeBaseException extends RuntimeException {
    public UnknownKnowledgeBaseException(String message) {
        super(message);
    }
}
