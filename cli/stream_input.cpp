#include "stream_input.h"

#include "jianbao/batch.h"

namespace jianbao::cli {

Result<std::string> stream_input(const nlohmann::ordered_json& record, std::string* path) {
  if (!record.is_object()) return Status::bad_input("expected a JSON object");
  if (record.contains("text") && record["text"].is_string()) {
    *path = "-";
    return record["text"].get<std::string>();
  }
  if (record.contains("path") && record["path"].is_string()) {
    *path = record["path"].get<std::string>();
    return batch::read_file(*path);
  }
  return Status::bad_input("expected a \"text\" or a \"path\" string");
}

}  // namespace jianbao::cli
