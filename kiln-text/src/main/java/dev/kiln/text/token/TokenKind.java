package dev.kiln.text.token;

/** What a {@link Token} is. */
public enum TokenKind {
    /** Letters, possibly with digits, inner hyphens, underscores and apostrophes: "don't", "COVID-19", "U.S.". */
    WORD,
    /** Digits with decimal points and thousands separators: "42", "3.14", "1,000,000". */
    NUMBER,
    /** A web address starting with http://, https://, ftp:// or www. */
    URL,
    /** An e-mail address: "ada@example.org". */
    EMAIL,
    /** An ASCII emoticon: ":-)", ";)", "<3", "^_^". */
    EMOTICON,
    /** One emoji, including modifier, keycap, flag and ZWJ sequences such as 👩‍💻. */
    EMOJI,
    /** Punctuation or another symbol; a run of the same character ("...", "!!!") is one token. */
    PUNCT
}
