package dev.kiln.text.token;

/** What a tokenizer does with contractions and possessives such as "don't", "I'm" and "John's". */
public enum Contractions {
    /** One token: "don't", "I'm", "John's". Matches stop-word lists, which list contractions whole. */
    KEEP,
    /**
     * Split as the Penn Treebank does: "do" "n't", "I" "'m", "John" "'s", "ca" "n't", "wo" "n't".
     * Other apostrophes inside words stay ("O'Neill", "rock'n'roll").
     */
    SPLIT
}
