#pragma once

#include "core/result.h"
#include "ui/api/refusal.h"

#include <QtGlobal>

#include <functional>

namespace vox::ui {

// How an answer from the server comes back to the caller (ApiClient and its area clients).
template<typename T> using Callback = std::function<void(Result<T>)>;
// For screens that show more of a refusal than its sentence (attempts left, a lock's time, the
// steps that ran): the Refusal is empty on success.
template<typename T> using DetailedCallback = std::function<void(Result<T>, const Refusal &)>;
using Progress = std::function<void(qint64 sent, qint64 total)>;

} // namespace vox::ui
