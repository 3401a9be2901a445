/**
 * The 纠错/反馈 route every page offers, from the one setting FEEDBACK_CONTACT (src/consts.ts):
 * an e-mail address becomes a mailto: link that names the page, a web address a plain link, and
 * no setting a sentence on how to reach the operator — never a dead link.
 */

export type FeedbackRoute =
	{ kind: 'email' | 'url'; href: string; label: string } | { kind: 'none'; text: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB = /^https?:\/\/\S+$/;

export function feedbackRoute(
	contact: string,
	page: { title: string; url: string },
): FeedbackRoute {
	const value = contact.trim();
	if (EMAIL.test(value)) {
		const subject = encodeURIComponent(`纠错：${page.title}`);
		const body = encodeURIComponent(`页面：${page.url}\n\n哪里有误（数字、行号、原文写法）：\n`);
		return {
			kind: 'email',
			href: `mailto:${value}?subject=${subject}&body=${body}`,
			label: `发现错误？写信给 ${value}`,
		};
	}
	if (WEB.test(value)) return { kind: 'url', href: value, label: '发现错误？在这里报告' };
	return {
		kind: 'none',
		text: `本站尚未设置纠错渠道。发现错误，请联系部署本站的单位，并注明本页地址（${page.url}）和有误之处。`,
	};
}
