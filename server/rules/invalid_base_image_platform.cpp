// InvalidBaseImagePlatform (BuildKit): the base image pulled for a stage has another OS or
// architecture than the build's target platform. Deciding it needs the image's manifest from the
// registry, which this rule does not have: it never reports anything and is off by default. It
// is listed so that `# check=skip=InvalidBaseImagePlatform` and configuration naming it are
// recognised.
#include "rules/rule.h"

namespace dfls {

namespace {

void check_invalid_base_image_platform(RuleContext&) {}

}  // namespace

extern const Rule kRuleInvalidBaseImagePlatform = {
    .id = "InvalidBaseImagePlatform",
    .default_severity = Severity::Warning,
    .summary = "Base image platform does not match the target platform (needs the registry; not checked)",
    .check = check_invalid_base_image_platform,
    .enabled_by_default = false,
    .buildkit_name = "InvalidBaseImagePlatform",
};

}  // namespace dfls
