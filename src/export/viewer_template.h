/* viewer_template.h - the offline viewer page (src/viewer/viewer.html),
 * embedded as C strings by tools/dev/embed-viewer: the lines before and after
 * the place where the corpus data goes, each array NULL-terminated. */
#ifndef EL_VIEWER_TEMPLATE_H
#define EL_VIEWER_TEMPLATE_H

extern const char *const el_viewer_head[];
extern const char *const el_viewer_tail[];

#endif
