#include "read/zip_package.h"

#include <fmt/format.h>
#include <zip.h>

#include "ruleset/rule_set.h"

namespace jianbao::read {

struct ZipPackage::Impl {
  zip_t* archive = nullptr;
  std::string path;
  long long max_part = 0;
  long long max_total = 0;
  long long budget = 0;  // bytes still allowed to be unpacked
  ~Impl() {
    if (archive) zip_discard(archive);
  }
};

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipPackage::~ZipPackage() = default;

namespace {

zip_t* open_archive(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  // freep = 0: the source reads the caller's bytes and never frees them.
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
  if (src && !archive) zip_source_free(src);
  zip_error_fini(&error);
  return archive;
}

}  // namespace

Result<std::unique_ptr<ZipPackage>> ZipPackage::open(std::string_view bytes,
                                                     const std::string& path,
                                                     const ReadRules& limits) {
  auto impl = std::make_unique<Impl>();
  impl->archive = open_archive(bytes);
  impl->path = path;
  impl->max_part = limits.max_part_bytes;
  impl->max_total = limits.max_total_bytes;
  impl->budget = limits.max_total_bytes;
  if (!impl->archive) return Status::bad_input("not a readable ZIP (DOCX) file", {.file = path});
  const zip_int64_t n = zip_get_num_entries(impl->archive, 0);
  if (n < 0 || n > limits.max_zip_entries) {
    return Status::bad_input(fmt::format("ZIP has {} entries, more than the {} a DOCX may have", n,
                                         limits.max_zip_entries),
                             {.file = path});
  }
  return std::unique_ptr<ZipPackage>(new ZipPackage(std::move(impl)));
}

bool ZipPackage::has(const std::string& name) const {
  return zip_name_locate(impl_->archive, name.c_str(), 0) >= 0;
}

std::vector<std::string> ZipPackage::names() const {
  std::vector<std::string> out;
  const zip_int64_t n = zip_get_num_entries(impl_->archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    if (const char* name = zip_get_name(impl_->archive, static_cast<zip_uint64_t>(i), 0)) {
      out.emplace_back(name);
    }
  }
  return out;
}

Result<std::string> ZipPackage::read(const std::string& name) {
  const SourceLocation where{.file = impl_->path};
  // A part that claims more than the limit is refused before it is unpacked; one that claims
  // less and holds more stops at the limit below.
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(impl_->archive, name.c_str(), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size > static_cast<zip_uint64_t>(impl_->max_part)) {
    return Status::bad_input(
        fmt::format("DOCX part {} claims {} bytes unpacked, more than max_part_bytes {} "
                    "(rules/read/read.yaml): a zip bomb?",
                    name, st.size, impl_->max_part),
        where);
  }
  zip_file_t* f = zip_fopen(impl_->archive, name.c_str(), 0);
  if (!f) return Status::bad_input(fmt::format("DOCX part {} missing or unreadable", name), where);
  // Read in chunks up to the limits, whatever size the entry declares.
  std::string out;
  char chunk[1 << 16];
  bool failed = false;
  for (;;) {
    const zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
    if (got < 0) {
      failed = true;
      break;
    }
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
    impl_->budget -= got;
    if (static_cast<long long>(out.size()) > impl_->max_part || impl_->budget < 0) {
      zip_fclose(f);
      return Status::bad_input(
          impl_->budget < 0
              ? fmt::format("DOCX parts unpack to more than max_total_bytes {} by part {} "
                            "(rules/read/read.yaml): a zip bomb?",
                            impl_->max_total, name)
              : fmt::format("DOCX part {} unpacks to more than max_part_bytes {} "
                            "(rules/read/read.yaml): a zip bomb?",
                            name, impl_->max_part),
          where);
    }
  }
  zip_fclose(f);
  if (failed) return Status::bad_input(fmt::format("DOCX part {} is damaged", name), where);
  return out;
}

bool zip_names_docx(std::string_view bytes) {
  zip_t* archive = open_archive(bytes);
  if (!archive) return false;
  const bool docx = zip_name_locate(archive, "word/document.xml", 0) >= 0;
  zip_discard(archive);
  return docx;
}

}  // namespace jianbao::read
