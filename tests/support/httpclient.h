#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>

namespace vox::test {

struct HttpReply
{
    int status = 0; // 0: no answer (connection refused, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString networkError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
};

// A blocking HTTP client for tests: it spins the event loop while waiting, so an in-process
// server on the same thread keeps serving.
class HttpClient
{
public:
    explicit HttpClient(QString baseUrl)
        : m_base(std::move(baseUrl))
    {}

    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }
    const QString &baseUrl() const { return m_base; }

    HttpReply get(const QString &path) { return send("GET", path, {}); }
    HttpReply del(const QString &path) { return send("DELETE", path, {}); }
    HttpReply post(const QString &path, const QJsonObject &body = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpReply put(const QString &path, const QJsonObject &body)
    {
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpReply patch(const QString &path, const QJsonObject &body)
    {
        return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    HttpReply send(const QByteArray &method, const QString &path, const QByteArray &body,
                   const QHash<QByteArray, QByteArray> &headers = {},
                   const QByteArray &contentType = "application/json", int timeoutMs = 30000);

private:
    QNetworkAccessManager m_network;
    QString m_base;
    QString m_token;
};

} // namespace vox::test
