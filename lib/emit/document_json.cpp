// Document -> JSON tree, from the field description in record_fields.h.
#include "emit/record_fields.h"
#include "emit/tree_writer.h"
#include "jianbao/emit.h"

namespace jianbao::emit {

using Json = nlohmann::ordered_json;

bool parse_format(const std::string& name, Format* format) {
  if (name == "yaml")
    *format = Format::kYaml;
  else if (name == "json")
    *format = Format::kJson;
  else if (name == "jsonl")
    *format = Format::kJsonl;
  else if (name == "csv")
    *format = Format::kCsv;
  else
    return false;
  return true;
}

Json document_json(const Document& doc, const EmitOptions& options) {
  TreeWriter w;
  fields::document(w, doc, options);
  return w.take();
}

Json metric_record(const Document& doc, const Section& section, const Item& item,
                   const Metric& metric, const EmitOptions& options) {
  TreeWriter w;
  fields::metric_record(w, doc, section, item, metric, options);
  return w.take();
}

}  // namespace jianbao::emit
