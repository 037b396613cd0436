/* read_markup.c - HTML and TimeML readers (libxml2).
 * Placeholder: lands with the readers work of the foundation issue. */
#include "reader.h"
#include "util.h"

el_doc *el_read_html(const char *id, const char *path, const char *data, size_t len, char **err)
{
    (void)id; (void)path; (void)data; (void)len;
    *err = el_strdup("HTML input is not supported yet");
    return NULL;
}

el_doc *el_read_timeml(const char *id, const char *path, const char *data, size_t len, char **err)
{
    (void)id; (void)path; (void)data; (void)len;
    *err = el_strdup("TimeML input is not supported yet");
    return NULL;
}
