package dev.parley.bench.store;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic chat-like texts in several languages and scripts (English, German, French,
 * Spanish, Russian, Japanese, Chinese) for the generated store, and the typical searches run
 * against it. The word lists are the bench's own; every generated text is a short sentence of one
 * language, sometimes with a technical term that the searches look for.
 */
public final class Corpus {
    private static final List<List<String>> LANGUAGES = List.of(
            List.of("the", "meeting", "tomorrow", "project", "release", "please", "review", "the", "budget", "deadline",
                    "thanks", "team", "update", "schedule", "customer", "invoice", "shipping", "weekend", "coffee",
                    "lunch", "draft", "slides", "report", "quarter", "feedback", "design", "issue", "merged", "and", "for"),
            List.of("das", "Treffen", "morgen", "Projekt", "Freigabe", "bitte", "prüfen", "Haushalt", "Frist", "danke",
                    "Mannschaft", "Zeitplan", "Kunde", "Rechnung", "Versand", "Wochenende", "Kaffee", "Mittagessen",
                    "Entwurf", "Bericht", "Quartal", "Rückmeldung", "Gestaltung", "Straße", "größer", "und", "für", "die"),
            List.of("la", "réunion", "demain", "projet", "livraison", "merci", "équipe", "calendrier", "client", "facture",
                    "expédition", "café", "déjeuner", "brouillon", "rapport", "trimestre", "retour", "conception", "élève",
                    "cours", "devoir", "et", "pour", "avec", "très", "bientôt"),
            List.of("la", "reunión", "mañana", "proyecto", "entrega", "gracias", "equipo", "calendario", "cliente",
                    "factura", "envío", "café", "almuerzo", "borrador", "informe", "trimestre", "comentarios", "diseño",
                    "alumno", "curso", "tarea", "y", "para", "con", "pronto"),
            List.of("встреча", "завтра", "проект", "выпуск", "пожалуйста", "проверь", "бюджет", "срок", "спасибо",
                    "команда", "расписание", "клиент", "счёт", "доставка", "выходные", "кофе", "обед", "черновик",
                    "отчёт", "квартал", "отзыв", "и", "для", "очень"),
            List.of("会議", "明日", "プロジェクト", "リリース", "お願いします", "確認", "予算", "締め切り", "ありがとう",
                    "チーム", "予定", "お客様", "請求書", "配送", "週末", "コーヒー", "昼食", "下書き", "報告書"),
            List.of("会议", "明天", "项目", "发布", "请", "检查", "预算", "截止日期", "谢谢", "团队", "日程", "客户",
                    "发票", "发货", "周末", "咖啡", "午饭", "草稿", "报告", "季度"));

    private static final List<String> TERMS = List.of("kubernetes", "postgres", "latency", "invoice-2041", "roadmap",
            "migration", "webhook", "dashboard");

    /** Searches a user typically types: common words in each script, a rare term, two words. */
    public static final List<String> SEARCHES = List.of("meeting", "budget review", "Rechnung", "réunion", "proyecto",
            "встреча", "会議", "项目", "kubernetes", "latency dashboard", "invoice-2041", "coffee");

    private Corpus() {
    }

    /** The text of message {@code n} (the same for the same n). */
    public static String text(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 17);
        List<String> words = LANGUAGES.get(random.nextInt(LANGUAGES.size()));
        boolean unspaced = words == LANGUAGES.get(5) || words == LANGUAGES.get(6);
        int count = 4 + random.nextInt(16);
        StringBuilder text = new StringBuilder(count * 8);
        for (int i = 0; i < count; i++) {
            if (i > 0 && !unspaced) text.append(' ');
            text.append(words.get(random.nextInt(words.size())));
        }
        if (random.nextInt(8) == 0) text.append(" ").append(TERMS.get(random.nextInt(TERMS.size())));
        if (!unspaced) text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        text.append(unspaced ? "。" : random.nextInt(4) == 0 ? "?" : ".");
        return text.toString();
    }
}
