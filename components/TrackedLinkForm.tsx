import { useState } from 'preact/hooks';
import type { StoredCourse } from '@/lib/db/schema';
import type { Platform } from '@/lib/records';
import { newCode, slug, type TrackedLink, trackedUrl } from '@/lib/sales/links';
import type { Translator } from './hooks';
import { PlatformOptions } from './Options';
import { send } from './send';

const MAX_COUPON = 100;

/**
 * A link to one of the seller's courses for one post: UTM parameters and a fresh code of [a-z0-9-]
 * (lib/sales/links), remembered through the background with the coupon the seller typed, so the
 * dashboard can tell which post carries it. Posted as is, the code ties that post to its orders.
 * The one form for the Courses view and the popup.
 */
export function TrackedLinkForm({
  course,
  tr,
  platform: initialPlatform = 'x',
}: {
  course: Pick<StoredCourse, 'url' | 'title'>;
  tr: Translator;
  platform?: Platform;
}) {
  const { t } = tr;
  const [platform, setPlatform] = useState<Platform>(initialPlatform);
  const [campaign, setCampaign] = useState('');
  const [coupon, setCoupon] = useState('');
  const [copied, setCopied] = useState<{ url: string; code: string } | null>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    const code = newCode(platform, crypto.getRandomValues(new Uint8Array(4)));
    const link: TrackedLink = { code, courseUrl: course.url, platform, campaign: slug(campaign) || 'course' };
    const url = trackedUrl(link);
    if (!url) return setStatus(t('salesTrackedNotHttp'));
    const typed = coupon.trim();
    const stored = await send({ type: 'trackedLink.put', link: typed ? { ...link, coupon: typed } : link });
    if (!stored.ok) return setStatus(stored.reason);
    setCopied({ url, code });
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('salesTrackedCopied', code));
    } catch {
      // The link is shown selected below, to copy by hand.
      setStatus(t('salesTrackedCopyByHand'));
    }
  };
  return (
    <section class="card" aria-labelledby="tracked-link" data-testid="tracked-link">
      <h2 id="tracked-link">
        {t('salesCopyTrackedLink')}: {course.title || course.url}
      </h2>
      <div class="form-grid">
        <label class="field">
          <span>{t('salesTrackedSite')}</span>
          <select
            name="tracked-site"
            value={platform}
            onChange={(e) => setPlatform(e.currentTarget.value as Platform)}
          >
            <PlatformOptions tr={tr} />
          </select>
        </label>
        <label class="field">
          <span>{t('salesTrackedCampaign')}</span>
          <input
            name="tracked-campaign"
            value={campaign}
            onInput={(e) => setCampaign(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('salesTrackedCoupon')}</span>
          <input
            name="tracked-coupon"
            maxLength={MAX_COUPON}
            value={coupon}
            onInput={(e) => setCoupon(e.currentTarget.value)}
          />
        </label>
        <p class="muted small wide">{t('salesTrackedCouponHelp')}</p>
        <div class="wide">
          <button type="button" data-testid="tracked-link-copy" onClick={() => void copy()}>
            {t('salesCopyTrackedLink')}
          </button>
        </div>
        {copied && (
          <input
            class="wide"
            readOnly
            aria-label={t('salesCopyTrackedLink')}
            data-testid="tracked-link-url"
            value={copied.url}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
