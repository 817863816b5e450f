# syntax=docker/dockerfile:1
# Targets: `final` (default, the portal) and `migrate` (one-shot SQL Server migrations). See docs/deployment.md.

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore is cached until a project file, the central package versions or the tool manifest change.
COPY global.json Directory.Build.props Directory.Packages.props dotnet-tools.json ./
COPY DanVan.Domain/DanVan.Domain.csproj DanVan.Domain/
COPY DanVan.Data/DanVan.Data.csproj DanVan.Data/
COPY DanVan.Web/DanVan.Web.csproj DanVan.Web/
RUN dotnet tool restore && dotnet restore DanVan.Web/DanVan.Web.csproj

COPY . .
RUN dotnet publish DanVan.Web -c Release -o /app --no-restore

# Single-file executable applying the SqlServer migrations; the connection string is given when it runs.
# Kept out of /app so the web image does not carry it. Use BUNDLE_RID=linux-arm64 on arm64 hosts.
ARG BUNDLE_RID=linux-x64
RUN dotnet ef migrations bundle --project DanVan.Data --startup-project DanVan.Data \
        --context SqlServerDanVanDbContext --configuration Release \
        --self-contained -r "$BUNDLE_RID" -o /bundle/efbundle

# ---- base: ASP.NET Core runtime + ICU (vi-VN formatting, SqlClient) + tzdata ----
# The .NET 10 `aspnet:10.0` tag is Ubuntu 24.04 "Noble", not Debian (Microsoft ships no Debian .NET 10 images), and
# it already contains ICU and tzdata; installing them keeps that explicit. ICU's package name carries its version
# (libicu74 on Noble, libicu72 on Debian 12, libicu76 on Debian 13), so the one this release has is picked.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
RUN apt-get update \
    && icu="$(apt-cache pkgnames libicu | grep -E '^libicu[0-9]+$' | sort -V | tail -n 1)" \
    && test -n "$icu" \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$icu" tzdata \
    && rm -rf /var/lib/apt/lists/*
ENV TZ=Asia/Ho_Chi_Minh \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
WORKDIR /app

# ---- migrate: applies pending migrations to $ConnectionStrings__DanVan, then exits ----
FROM base AS migrate
COPY --from=build /bundle/efbundle ./efbundle
USER $APP_UID
# A shell expands the variable at run time, so the secret stays out of the image and the compose command line.
ENTRYPOINT ["/bin/sh", "-c", "exec ./efbundle --connection \"$ConnectionStrings__DanVan\""]

# ---- final: the portal ----
FROM base AS final
COPY --from=build /app ./
# App_Data holds the logs (and the SQLite file when Database:Provider is Sqlite). Created here and owned by the
# non-root `app` user so that a new named volume mounted on it inherits that ownership.
RUN mkdir -p /app/App_Data/logs /keys && chown -R "$APP_UID:$APP_UID" /app/App_Data /keys
VOLUME /app/App_Data
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
# Neither curl nor wget is in the image; bash's /dev/tcp sends a plain HTTP request instead, so the check needs no
# extra package and no second .NET process. Port 8080 must match ASPNETCORE_HTTP_PORTS.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "DanVan.Web.dll"]
