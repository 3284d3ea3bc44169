# squawk: one image, every role. Choose roles with SQUAWK_ROLES or `start --roles`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# Chart text needs a font.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY config ./config
COPY data ./data
USER node
EXPOSE 8080
# Secrets come from the environment: REDIS_URL, DISCORD_TOKEN, FINNHUB_API_KEY, ...
ENV HTTP_PORT=8080 HTTP_HOST=0.0.0.0
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["start"]
