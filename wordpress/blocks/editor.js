/**
 * The Circle blocks in the editor. Written against WordPress's globals (wp.blocks, wp.element,
 * wp.blockEditor, wp.components, wp.i18n) so the plugin needs no build step. Titles, icons and
 * attributes come from each block.json through the server; the blocks are dynamic, rendered on
 * the server by the same function as the shortcodes, so they save nothing.
 */
( function ( wp ) {
	'use strict';

	const { registerBlockType, getBlockType } = wp.blocks;
	const { createElement: el, Fragment } = wp.element;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, Placeholder, SelectControl, TextControl, ToggleControl } = wp.components;
	const { __ } = wp.i18n;

	/** The sidebar's label for every attribute the blocks may have, in display order. */
	const LABELS = {
		space: __( 'Space (id or slug)', 'circle-widgets' ),
		post: __( 'Post (id or slug)', 'circle-widgets' ),
		member: __( 'Member id (instead of a space)', 'circle-widgets' ),
		topic: __( 'Topic ids (with a space)', 'circle-widgets' ),
		view: __( 'View', 'circle-widgets' ),
		filter: __( 'Which events', 'circle-widgets' ),
		startDate: __( 'From (YYYY-MM-DD)', 'circle-widgets' ),
		endDate: __( 'Until (YYYY-MM-DD)', 'circle-widgets' ),
		sort: __( 'Order', 'circle-widgets' ),
		perPage: __( 'Items per page', 'circle-widgets' ),
		paging: __( 'Paging', 'circle-widgets' ),
		limit: __( 'Events shown in the compact view', 'circle-widgets' ),
		timeZone: __( 'Time zone (such as Europe/Paris)', 'circle-widgets' ),
		profileUrl: __( 'Profile link template, with {id}', 'circle-widgets' ),
		open: __( 'Open the panel at first', 'circle-widgets' ),
		medium: __( 'Which settings: in app or mobile push', 'circle-widgets' ),
		signInUrl: __( 'Sign-in URL (empty: the site setting)', 'circle-widgets' ),
	};

	/** One sidebar control, chosen by the attribute's type in block.json. */
	function control( name, schema, value, setAttributes ) {
		const label = LABELS[ name ];
		const set = ( next ) => setAttributes( { [ name ]: next } );

		if ( schema.type === 'boolean' ) {
			return el( ToggleControl, { key: name, label, checked: !! value, onChange: set } );
		}

		if ( schema.enum ) {
			const options = [ { label: __( 'Default', 'circle-widgets' ), value: '' } ].concat(
				schema.enum.map( ( option ) => ( { label: option.replace( /_/g, ' ' ), value: option } ) )
			);
			return el( SelectControl, {
				key: name,
				label,
				value: value || '',
				options,
				onChange: ( next ) => set( next || undefined ),
			} );
		}

		if ( schema.type === 'integer' ) {
			return el( TextControl, {
				key: name,
				label,
				type: 'number',
				min: 1,
				value: value === undefined ? '' : String( value ),
				onChange: ( next ) => {
					const number = parseInt( next, 10 );
					set( number > 0 ? number : undefined );
				},
			} );
		}

		return el( TextControl, {
			key: name,
			label,
			value: value || '',
			onChange: ( next ) => set( next || undefined ),
		} );
	}

	/** The block in the editor: its settings in the sidebar, a summary in the canvas. */
	function Edit( { name, attributes, setAttributes } ) {
		const blockType = getBlockType( name );
		const names = Object.keys( LABELS ).filter( ( key ) => key in blockType.attributes );
		const summary = names
			.filter( ( key ) => attributes[ key ] !== undefined && attributes[ key ] !== false )
			.map( ( key ) => LABELS[ key ] + ': ' + attributes[ key ] )
			.join( ' · ' );

		return el(
			Fragment,
			null,
			el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: __( 'Settings', 'circle-widgets' ) },
					names.map( ( key ) =>
						control( key, blockType.attributes[ key ], attributes[ key ], setAttributes )
					)
				)
			),
			el(
				'div',
				useBlockProps(),
				el( Placeholder, {
					icon: blockType.icon && blockType.icon.src,
					label: blockType.title,
					instructions:
						summary ||
						__(
							'Shows on the published page, signed in as the visitor. Settings are in the sidebar.',
							'circle-widgets'
						),
				} )
			)
		);
	}

	[ 'feed', 'post', 'events', 'notifications', 'notification-preferences' ].forEach( ( slug ) => {
		registerBlockType( 'circle-widgets/' + slug, { edit: Edit, save: () => null } );
	} );
} )( window.wp );
