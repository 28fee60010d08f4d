import { useTranslation } from 'react-i18next';
import type { Topic } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { addTopic, newTopic, removeTopic, renameTopic } from './topicTree.ts';

interface Props {
  topics: Topic[];
  onChange: (topics: Topic[]) => void;
}

/** Edits the topic tree in place: each node is a text box (rename), with "add subtopic" and "remove". */
export function TopicTreeEditor({ topics, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="topic-editor" data-testid="topic-editor">
      {topics.length === 0 ? <p className="muted small">{t('hotlines.noTopics')}</p> : null}
      <TopicList topics={topics} depth={0} tree={topics} onChange={onChange} />
      <Button size="sm" onClick={() => onChange(addTopic(topics, null, newTopic()))}>
        + {t('hotlines.addTopic')}
      </Button>
    </div>
  );
}

interface ListProps {
  topics: Topic[];
  depth: number;
  tree: Topic[];
  onChange: (topics: Topic[]) => void;
}

function TopicList({ topics, depth, tree, onChange }: ListProps) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  return (
    <ul className="topic-list" role={depth === 0 ? 'tree' : 'group'}>
      {topics.map((topic) => (
        <li key={topic.id} role="treeitem" aria-expanded={topic.children.length ? true : undefined}>
          <div className="topic-row">
            <input
              aria-label={t('hotlines.topicName')}
              placeholder={t('hotlines.topicName')}
              value={topic.name}
              onChange={(e) => onChange(renameTopic(tree, topic.id, e.target.value))}
              className="topic-input"
              autoFocus={topic.name === ''}
            />
            <Button size="sm" variant="ghost" onClick={() => onChange(addTopic(tree, topic.id, newTopic()))} title={t('hotlines.addChild')}>
              +<span className="hide-narrow"> {t('hotlines.addChild')}</span>
            </Button>
            <Button
              size="sm"
              variant="ghost"
              className="text-danger"
              onClick={() => onChange(removeTopic(tree, topic.id))}
              aria-label={t('hotlines.removeTopic')}
              title={t('hotlines.removeTopic')}
            >
              ×
            </Button>
          </div>
          <TopicList topics={topic.children} depth={depth + 1} tree={tree} onChange={onChange} />
        </li>
      ))}
    </ul>
  );
}
