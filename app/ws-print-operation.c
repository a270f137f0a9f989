/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ws-print-operation"

#include "config.h"

#include "ws-page-renderer.h"
#include "ws-print-operation.h"

/* Prints a WsDocument through the shared page renderer, so paper shows
 * the same pages as the preview and the PDF export. */
struct _WsPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* owned */
  WsDocument        *document;
  WsPageRenderer    *renderer;
};

G_DEFINE_FINAL_TYPE (WsPrintOperation, ws_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The paper size is only known once the user has chosen it, so layout
 * happens here rather than when the operation is made. */
static void
ws_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (operation);

  g_clear_object (&self->renderer);
  self->renderer = ws_page_renderer_new (self->document,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) ws_page_renderer_paginate (self->renderer));
}

static void
ws_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (operation);

  g_return_if_fail (self->renderer != NULL);

  ws_page_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context),
                              (guint) page_nr);
}

static void
ws_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (operation);

  g_clear_object (&self->renderer);
}

static void
ws_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ws_print_operation_constructed (GObject *object)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (object);

  G_OBJECT_CLASS (ws_print_operation_parent_class)->constructed (object);

  g_return_if_fail (WS_IS_DOCUMENT (self->document));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    ws_document_get_title (self->document));
}

static void
ws_print_operation_finalize (GObject *object)
{
  WsPrintOperation *self = WS_PRINT_OPERATION (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ws_print_operation_parent_class)->finalize (object);
}

static void
ws_print_operation_class_init (WsPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->get_property = ws_print_operation_get_property;
  object_class->set_property = ws_print_operation_set_property;
  object_class->constructed = ws_print_operation_constructed;
  object_class->finalize = ws_print_operation_finalize;

  operation_class->begin_print = ws_print_operation_begin_print;
  operation_class->draw_page = ws_print_operation_draw_page;
  operation_class->end_print = ws_print_operation_end_print;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         WS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ws_print_operation_init (WsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* Points on the whole sheet: the renderer keeps its own 2 cm margins,
   * measured from the paper's edge exactly as in the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * ws_print_operation_new:
 * @document: the document to print
 *
 * Returns: (transfer full): a print operation; run it with
 *   gtk_print_operation_run()
 */
WsPrintOperation *
ws_print_operation_new (WsDocument *document)
{
  g_return_val_if_fail (WS_IS_DOCUMENT (document), NULL);

  return g_object_new (WS_TYPE_PRINT_OPERATION, "document", document, NULL);
}

/**
 * ws_print_operation_get_document:
 *
 * Returns: (transfer none): the document being printed
 */
WsDocument *
ws_print_operation_get_document (WsPrintOperation *self)
{
  g_return_val_if_fail (WS_IS_PRINT_OPERATION (self), NULL);

  return self->document;
}
