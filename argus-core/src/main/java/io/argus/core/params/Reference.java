package io.argus.core.params;

/**
 * The paper a method implements.
 *
 * @param authors authors as cited ("Liu, Ting, Zhou")
 * @param title the paper's title
 * @param venue where it appeared ("ICDM")
 * @param year year of publication
 */
public record Reference(String authors, String title, String venue, int year) {

    /** A one-line citation. */
    public String cite() {
        return authors + ", \"" + title + "\", " + venue + " " + year;
    }
}
