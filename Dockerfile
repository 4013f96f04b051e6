# The bot as a container image, for docker-compose.yml (an example set-up: two replicas on Redis).
FROM node:20-bookworm-slim
WORKDIR /app
# DejaVu Sans for the timeline chart's text (src/chart/fonts.ts looks in /usr/share/fonts/truetype/dejavu):
# the slim image has no fonts, and without one every chart fails.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dependencies first (cached while only sources change); the build runs after the sources are in.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "bin/start.js"]
