package dev.kiln.text.lemma;

/** The four parts of speech WordNet lemmatizes; adjective satellites count as adjectives. */
public enum Pos {
    NOUN("noun", 'n'),
    VERB("verb", 'v'),
    ADJECTIVE("adj", 'a'),
    ADVERB("adv", 'r');

    private final String fileSuffix;
    private final char letter;

    Pos(String fileSuffix, char letter) {
        this.fileSuffix = fileSuffix;
        this.letter = letter;
    }

    /** The name WordNet's files use: {@code index.<name>}, {@code <name>.exc}. */
    String fileSuffix() {
        return fileSuffix;
    }

    /** The letter WordNet's index files give in their second field. */
    char letter() {
        return letter;
    }
}
